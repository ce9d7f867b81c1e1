namespace Latchkey.Storage.Entities;

public sealed class LoginSessionEntity
{
    public required string Id { get; set; }
    public required string Realm { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AuthTime { get; set; }
    public string Amr { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
