namespace Latchkey.Protocol.Storage;

/// <summary>
/// A signing key at rest: the private key (PKCS#8) is encrypted by <see cref="IKeyProtector"/>. A key signs from
/// <see cref="ActivatesAt"/> (its creation when not set) until <see cref="RetiredAt"/>, and is published until
/// <see cref="UnpublishAt"/>.
/// </summary>
public sealed record StoredSigningKey(
    string Realm,
    string KeyId,
    string Algorithm,
    byte[] ProtectedPrivateKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt = null,
    DateTimeOffset? ActivatesAt = null,
    DateTimeOffset? UnpublishAt = null)
{
    public Tokens.KeyLifetime Lifetime => new(ActivatesAt ?? CreatedAt, RetiredAt, UnpublishAt);
}
