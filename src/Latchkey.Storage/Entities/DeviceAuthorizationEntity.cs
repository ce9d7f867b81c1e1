namespace Latchkey.Storage.Entities;

public sealed class DeviceAuthorizationEntity
{
    public required string DeviceCodeHash { get; set; }
    public required string UserCodeHash { get; set; }
    public required string Realm { get; set; }
    public required string ClientId { get; set; }
    public string Scopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int IntervalSeconds { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }

    /// <summary><see cref="Latchkey.Protocol.Storage.AuthorizationRequestStatus"/> as an integer.</summary>
    public int Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? UserId { get; set; }
    public string? GrantId { get; set; }
    public DateTimeOffset? AuthTime { get; set; }
    public string? SessionId { get; set; }
    public string Amr { get; set; } = "";
    public DateTimeOffset? ConsumedAt { get; set; }
}
