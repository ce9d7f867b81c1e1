namespace Latchkey.Storage.Entities;

public sealed class ReferenceTokenEntity
{
    public required string Hash { get; set; }
    public required string Realm { get; set; }
    public required string Claims { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
