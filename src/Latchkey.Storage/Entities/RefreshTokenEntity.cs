namespace Latchkey.Storage.Entities;

public sealed class RefreshTokenEntity
{
    public required string Hash { get; set; }
    public required string Realm { get; set; }
    public required string GrantId { get; set; }
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public string Scopes { get; set; } = "";
    public DateTimeOffset AuthTime { get; set; }
    public string? SessionId { get; set; }
    public string Amr { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The hash of the token this one was rotated into.</summary>
    public string? SuccessorHash { get; set; }
    /// <summary>That successor, encrypted; kept only for clients with a reuse grace (Client.RefreshTokenReuseGrace).</summary>
    public byte[]? ProtectedSuccessor { get; set; }
}
