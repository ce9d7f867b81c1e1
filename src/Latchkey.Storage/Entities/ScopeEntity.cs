namespace Latchkey.Storage.Entities;

public sealed class ScopeEntity
{
    public required string Realm { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Audience { get; set; }
}
