using System.Collections.Concurrent;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Loads a realm's keys from the store and keeps them in memory for <see cref="ReloadAfter"/>, so a key
/// added by another node is published and trusted here within that time; generates the first key of an
/// algorithm on demand. Keys are decrypted once per load, not per signature.
/// </summary>
public sealed class KeyRing(ISigningKeyStore store, IKeyProtector protector, TimeProvider clock) : IKeyRing
{
    public static readonly TimeSpan ReloadAfter = TimeSpan.FromMinutes(1);

    private sealed record Loaded(IReadOnlyList<SigningKey> Keys, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, Loaded> _cache = new();
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
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(realm, out var loaded) && now - loaded.At < ReloadAfter) return loaded.Keys;
        var stored = await store.ListAsync(realm, ct);
        var keys = stored
            .Where(k => k.RetiredAt is null || k.RetiredAt > now)
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new SigningKey(k.KeyId, k.Algorithm,
                SigningKey.Import(k.Algorithm, protector.Unprotect(k.ProtectedPrivateKey)), k.RetiredAt is null))
            .ToArray();
        _cache[realm] = new Loaded(keys, now);
        return keys;
    }

    private static SigningKey? Find(IReadOnlyList<SigningKey> keys, string algorithm) =>
        keys.FirstOrDefault(k => k.Active && k.Algorithm == algorithm);

    private async Task GenerateAsync(string realm, string algorithm, CancellationToken ct)
    {
        using var key = SigningKey.Generate(algorithm);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        var kid = Primitives.RandomToken.Create(12);
        // Another node may generate the realm's first key at the same moment: the store keeps one, and the reload finds it.
        await store.AddFirstAsync(new StoredSigningKey(realm, kid, algorithm, protector.Protect(pkcs8), clock.GetUtcNow()), ct);
    }
}
