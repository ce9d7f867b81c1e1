using System.Collections.Concurrent;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Loads a realm's published keys from the store and keeps them in memory for <see cref="ReloadAfter"/>, so a key
/// added or withdrawn by another node is seen here within that time; each load also lets
/// <see cref="SigningKeyRotation"/> schedule a successor that is due. Which key signs is decided per call from the
/// loaded keys' lifetimes, so every node switches to a successor at the same instant. Generates the first key of
/// an algorithm on demand. Keys are decrypted once per load, not per signature.
/// </summary>
public sealed class KeyRing(ISigningKeyStore store, IKeyProtector protector, SigningKeyRotation rotation, TimeProvider clock) : IKeyRing
{
    public static readonly TimeSpan ReloadAfter = TimeSpan.FromMinutes(1);

    private sealed record Loaded(SigningKey[] Keys, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, Loaded> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<SigningKey> SigningKeyAsync(string realm, string algorithm, CancellationToken ct)
    {
        var key = Signing(await PublishedKeysAsync(realm, ct), algorithm, clock.GetUtcNow());
        if (key is not null) return key;
        await _gate.WaitAsync(ct);
        try
        {
            Forget(realm);
            key = Signing(await PublishedKeysAsync(realm, ct), algorithm, clock.GetUtcNow());
            if (key is not null) return key;
            await rotation.CreateIfNoneSignsAsync(realm, algorithm, ct);
            Forget(realm);
            return Signing(await PublishedKeysAsync(realm, ct), algorithm, clock.GetUtcNow())!;
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
        if (await rotation.ScheduleDueAsync(realm, stored, now, ct)) stored = await store.ListAsync(realm, ct);
        var keys = stored
            .Where(k => k.Lifetime.PublishedAt(now))
            .OrderByDescending(k => k.Lifetime.ActivatesAt)
            .Select(k => new SigningKey(k.KeyId, k.Algorithm, SigningKey.Import(k.Algorithm, protector.Unprotect(k.ProtectedPrivateKey)), k.Lifetime))
            .ToArray();
        _cache[realm] = new Loaded(keys, now);
        return keys;
    }

    /// <summary>Drops this node's copy, after an operator changed the realm's keys here.</summary>
    public void Forget(string realm) => _cache.TryRemove(realm, out _);

    /// <summary>Of the keys that sign now, the one that took over last.</summary>
    private static SigningKey? Signing(IReadOnlyList<SigningKey> keys, string algorithm, DateTimeOffset now)
    {
        SigningKey? best = null;
        foreach (var k in keys)
            if (k.Algorithm == algorithm && k.Lifetime.SignsAt(now) && (best is null || k.Lifetime.ActivatesAt > best.Lifetime.ActivatesAt))
                best = k;
        return best;
    }
}
