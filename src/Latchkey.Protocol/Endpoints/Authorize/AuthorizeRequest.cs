using Latchkey.Protocol.Clients;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>A validated authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1).</summary>
public sealed record AuthorizeRequest
{
    public required Client Client { get; init; }
    public required string RedirectUri { get; init; }
    public required bool RedirectUriSupplied { get; init; }
    public required ResponseTypeSet ResponseType { get; init; }
    public required string ResponseMode { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public string? State { get; init; }
    public string? Nonce { get; init; }
    public IReadOnlySet<string> Prompts { get; init; } = new HashSet<string>();
    public int? MaxAge { get; init; }
    public string? LoginHint { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
}
