namespace Latchkey.Storage.Entities;

public sealed class SigningKeyEntity
{
    public required string Realm { get; set; }
    public required string KeyId { get; set; }
    public required string Algorithm { get; set; }
    /// <summary>PKCS#8, encrypted by the host's key protector; never stored in the clear.</summary>
    public required byte[] ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it starts signing; null: from its creation.</summary>
    public DateTimeOffset? ActivatesAt { get; set; }
    /// <summary>When it stops signing.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>When it leaves JWKS; null: not scheduled.</summary>
    public DateTimeOffset? UnpublishAt { get; set; }
}
