namespace Latchkey.Protocol.Storage;

/// <summary>A signing key at rest: the private key (PKCS#8) is encrypted by <see cref="IKeyProtector"/>.</summary>
public sealed record StoredSigningKey(
    string Realm,
    string KeyId,
    string Algorithm,
    byte[] ProtectedPrivateKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt = null);
