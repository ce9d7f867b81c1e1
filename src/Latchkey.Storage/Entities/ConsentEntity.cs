namespace Latchkey.Storage.Entities;

public sealed class ConsentEntity
{
    public required string Realm { get; set; }
    public required string UserId { get; set; }
    public required string ClientId { get; set; }
    public string Scopes { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
}
