namespace Latchkey.Storage.Entities;

/// <summary>A client that took part in a login session (keyed by the session's public sid).</summary>
public sealed class SessionClientEntity
{
    public required string Realm { get; set; }
    public required string Sid { get; set; }
    public required string ClientId { get; set; }
}
