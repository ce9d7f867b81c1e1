using Latchkey.Protocol.Clients;

namespace Latchkey.Protocol.Endpoints.EndSession;

/// <summary>A validated RP-initiated logout request (OpenID Connect RP-Initiated Logout 1.0 §2).</summary>
public sealed record EndSessionRequest(Client? Client, string? PostLogoutRedirectUri, string? State, string? HintSubject, string? HintSessionId)
{
    /// <summary>§2: a valid id_token_hint for the current session lets the OP log out without asking.</summary>
    public bool HasHint => HintSubject is not null;

    public string? RedirectTarget =>
        PostLogoutRedirectUri is null ? null
        : State is null ? PostLogoutRedirectUri
        : $"{PostLogoutRedirectUri}{(PostLogoutRedirectUri.Contains('?') ? '&' : '?')}state={Uri.EscapeDataString(State)}";
}
