using System.Collections.Concurrent;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Loads a realm's keys from the store once and keeps them in memory; generates the first key of an
/// algorithm on demand. Keys are decrypted once, not per signature.
/// </summary>
public sealed class KeyRing(ISigningKeyStore store, IKeyProtector protector, TimeProvider clock) : IKeyRing
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<SigningKey>> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<SigningKey> SigningKeyAsync(string realm, string algorithm, CancellationToken ct)
    {
        var key = Find(await PublishedKeysAsync(realm, ct), algorithm);
        if (key is not null) return key;
        await _gate.WaitAsync(ct);
        try
        {
            _cache.TryRemove(realm, out _);
            key = Find(await PublishedKeysAsync(realm, ct), algorithm);
            if (key is not null) return key;
            await GenerateAsync(realm, algorithm, ct);
            _cache.TryRemove(realm, out _);
            return Find(await PublishedKeysAsync(realm, ct), algorithm)!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<IReadOnlyList<SigningKey>> PublishedKeysAsync(string realm, CancellationToken ct)
    {
        if (_cache.TryGetValue(realm, out var keys)) return keys;
        var stored = await store.ListAsync(realm, ct);
        keys = stored
            .Where(k => k.RetiredAt is null || k.RetiredAt > clock.GetUtcNow())
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new SigningKey(k.KeyId, k.Algorithm,
                SigningKey.Import(k.Algorithm, protector.Unprotect(k.ProtectedPrivateKey)), k.RetiredAt is null))
            .ToArray();
        _cache[realm] = keys;
        return keys;
    }

    private static SigningKey? Find(IReadOnlyList<SigningKey> keys, string algorithm) =>
        keys.FirstOrDefault(k => k.Active && k.Algorithm == algorithm);

    private async Task GenerateAsync(string realm, string algorithm, CancellationToken ct)
    {
        using var key = SigningKey.Generate(algorithm);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        var kid = Primitives.RandomToken.Create(12);
        await store.AddAsync(new StoredSigningKey(realm, kid, algorithm, protector.Protect(pkcs8), clock.GetUtcNow()), ct);
    }
}
