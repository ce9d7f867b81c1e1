namespace Latchkey.Protocol.Storage;

/// <summary>An issued authorization code; only the SHA-256 of the code itself is stored.</summary>
public sealed record AuthorizationCodeRecord
{
    public required string Hash { get; init; }
    public required string Realm { get; init; }
    public required string ClientId { get; init; }
    public required string UserId { get; init; }
    public required string GrantId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>Null when the authorization request omitted redirect_uri (RFC 6749 §4.1.3).</summary>
    public string? RedirectUri { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
    public string? Nonce { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
    public string? SessionId { get; init; }
    public IReadOnlyList<string> Amr { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
