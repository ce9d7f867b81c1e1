namespace Latchkey.Storage.Entities;

/// <summary>A client assertion's jti, kept until the assertion expires (RFC 7523 §3 item 7).</summary>
public sealed class UsedClientAssertionEntity
{
    public required string Realm { get; set; }
    public required string ClientId { get; set; }
    /// <summary>SHA-256 of the jti: a fixed-size key whatever the client sends.</summary>
    public required string JtiHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
