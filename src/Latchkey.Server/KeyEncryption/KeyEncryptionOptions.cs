namespace Latchkey.Server.KeyEncryption;

/// <summary>Latchkey:KeyEncryption — where the key-encryption key comes from (docs/production.md#keys-at-rest).</summary>
public sealed class KeyEncryptionOptions
{
    /// <summary>The KEK itself, base64 (32 bytes): for an environment variable or a secret store.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the KEK as base64 (a mounted secret). Used when <see cref="Key"/> is empty.</summary>
    public string? KeyFile { get; set; }
}
