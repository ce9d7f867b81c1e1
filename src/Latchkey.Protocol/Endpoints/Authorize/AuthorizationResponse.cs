using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>
/// What goes back to the client's registered redirect URI: parameters and how to deliver them
/// (query, fragment or form_post). The host renders it; it never builds one itself.
/// </summary>
public sealed record AuthorizationResponse(string RedirectUri, string ResponseMode, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>RFC 6749 §4.1.2.1 with state echoed and RFC 9207 iss.</summary>
    public static AuthorizationResponse ForError(string redirectUri, string responseMode, OAuthError error, string? state, string issuer)
    {
        var parameters = new List<KeyValuePair<string, string>> { new(Primitives.Parameters.Error, error.Code) };
        if (error.Description is not null) parameters.Add(new(Primitives.Parameters.ErrorDescription, error.Description));
        if (state is not null) parameters.Add(new(Primitives.Parameters.State, state));
        parameters.Add(new(Primitives.Parameters.Issuer, issuer));
        return new AuthorizationResponse(redirectUri, responseMode, parameters);
    }
}
