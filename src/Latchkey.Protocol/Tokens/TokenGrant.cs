using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// What a grant handler decided: who, for which client, which scopes and audiences, and which
/// tokens to issue. <see cref="TokenService"/> mints every token from it.
/// </summary>
public sealed record TokenGrant
{
    public required Client Client { get; init; }
    public User? User { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>RFC 6749 §6: a rotated refresh token keeps the scope of the one it replaces, even when the access token narrows.</summary>
    public IReadOnlyList<string>? RefreshScopes { get; init; }

    /// <summary>Ties every token of one authorization together so it can be revoked as one.</summary>
    public string? GrantId { get; init; }
    public bool IssueRefreshToken { get; init; }
    public bool IssueIdToken { get; init; }
    public string? Nonce { get; init; }
    public DateTimeOffset? AuthTime { get; init; }
    public string? SessionId { get; init; }
    public IReadOnlyList<string> Amr { get; init; } = [];

    /// <summary>A rotated refresh token keeps its family's expiry: rotation never extends a grant.</summary>
    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }

    /// <summary>
    /// A refresh token the grant already stored, because rotation is one atomic step in the store: it is
    /// returned as it is instead of a new one being stored.
    /// </summary>
    public string? RotatedRefreshToken { get; init; }

    /// <summary>Set when the subject is neither the user nor the calling client (token exchange of a service's token).</summary>
    public string? SubjectId { get; init; }

    /// <summary>RFC 8693 §4.1 act claim: the current actor, with earlier actors nested inside.</summary>
    public System.Text.Json.Nodes.JsonObject? Actor { get; init; }

    /// <summary>An upper bound on the access token's expiry (token exchange: never beyond the subject token).</summary>
    public DateTimeOffset? ExpiresAtMost { get; init; }

    /// <summary>RFC 8693 §2.2.1 issued_token_type, for exchange responses.</summary>
    public string? IssuedTokenType { get; init; }

    public string Subject => SubjectId ?? User?.Id ?? Client.ClientId;
}
