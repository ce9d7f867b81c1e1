using System.Security.Cryptography;

namespace Latchkey.Server.KeyEncryption;

/// <summary>
/// The key-encryption key (KEK): 256 bits from configuration (<c>Latchkey:KeyEncryption:Key</c>, base64) or a file
/// (<c>Latchkey:KeyEncryption:KeyFile</c>, base64 text). It encrypts the Data Protection key ring where it is stored
/// (the database), and that ring encrypts everything else at rest — signing keys, kept secrets, the outbox — so a
/// copy of the database alone decrypts nothing.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        // Names the KEK in each encrypted element without revealing it, so a wrong KEK is reported as such.
        Id = Convert.ToHexString(SHA256.HashData(key))[..16].ToLowerInvariant();
    }

    public byte[] Key { get; }
    public string Id { get; }

    /// <summary>Null when none is configured (the embedded default); an error message for one that cannot be used.</summary>
    public static KeyEncryptionKey? From(KeyEncryptionOptions options)
    {
        var text = options.Key;
        if (string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(options.KeyFile))
        {
            try
            {
                text = File.ReadAllText(options.KeyFile).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Latchkey:KeyEncryption:KeyFile '{options.KeyFile}' cannot be read: {e.Message}");
            }
        }
        if (string.IsNullOrEmpty(text)) return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The key-encryption key is not base64. Make one with: openssl rand -base64 32");
        }
        return key.Length == Length
            ? new KeyEncryptionKey(key)
            : throw new InvalidOperationException($"The key-encryption key must be {Length} bytes (256 bits); it is {key.Length}. Make one with: openssl rand -base64 32");
    }
}
