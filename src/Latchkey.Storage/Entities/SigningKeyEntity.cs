namespace Latchkey.Storage.Entities;

public sealed class SigningKeyEntity
{
    public required string Realm { get; set; }
    public required string KeyId { get; set; }
    public required string Algorithm { get; set; }
    /// <summary>PKCS#8, encrypted by the host's key protector; never stored in the clear.</summary>
    public required byte[] ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}
