namespace Latchkey.Storage.Entities;

public sealed class RevokedGrantEntity
{
    public required string Realm { get; set; }
    public required string GrantId { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
}
