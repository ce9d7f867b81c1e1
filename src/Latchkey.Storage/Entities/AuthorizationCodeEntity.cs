namespace Latchkey.Storage.Entities;

public sealed class AuthorizationCodeEntity
{
    public required string Hash { get; set; }
    public required string Realm { get; set; }
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public required string GrantId { get; set; }
    public string Scopes { get; set; } = "";
    public string? RedirectUri { get; set; }
    public string? CodeChallenge { get; set; }
    public string? CodeChallengeMethod { get; set; }
    public string? Nonce { get; set; }
    public DateTimeOffset AuthTime { get; set; }
    public string? SessionId { get; set; }
    public string Amr { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
