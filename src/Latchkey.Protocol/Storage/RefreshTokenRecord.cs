namespace Latchkey.Protocol.Storage;

/// <summary>
/// One refresh token of a family. A family is every token rotated from one grant; its id is the
/// grant id, so revoking the grant revokes the family (RFC 9700 §4.14.2).
/// </summary>
public sealed record RefreshTokenRecord
{
    public required string Hash { get; init; }
    public required string Realm { get; init; }
    public required string GrantId { get; init; }
    public required string ClientId { get; init; }
    public required string UserId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
    public string? SessionId { get; init; }
    public IReadOnlyList<string> Amr { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
