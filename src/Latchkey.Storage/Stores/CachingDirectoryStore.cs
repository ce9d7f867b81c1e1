using System.Collections.Concurrent;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;

namespace Latchkey.Storage.Stores;

/// <summary>
/// Realms, their scopes and clients change rarely but are read on every request (the benchmark's
/// profile: four SQLite reads per client_credentials token, 70 % of the endpoint's time). They are kept
/// for <see cref="Lifetime"/>: a change made on this node is seen at once (<see cref="Invalidate"/>),
/// a change made elsewhere (another node, the command line against a running server) within that time.
/// </summary>
public sealed class CachingDirectoryStore(EfDirectoryStore inner, TimeProvider clock, TimeSpan lifetime) : IRealmStore, IClientStore
{
    private sealed record Entry(object? Value, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<(char Kind, string Realm, string Key), Entry> _entries = new();

    public TimeSpan Lifetime => lifetime;

    public ValueTask<Realm?> FindAsync(string realm, CancellationToken ct) =>
        GetAsync('r', realm, "", () => inner.FindAsync(realm, ct));

    public async ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct) =>
        (await GetAsync<IReadOnlyList<ScopeDefinition>>('s', realm, "", async () => await inner.ScopesAsync(realm, ct)))!;

    ValueTask<Client?> IClientStore.FindAsync(string realm, string clientId, CancellationToken ct) =>
        GetAsync('c', realm, clientId, () => ((IClientStore)inner).FindAsync(realm, clientId, ct));

    /// <summary>Forgets everything cached for a realm; the admin paths call it after every change.</summary>
    public void Invalidate(string realm)
    {
        foreach (var key in _entries.Keys.Where(k => k.Realm == realm)) _entries.TryRemove(key, out _);
    }

    private async ValueTask<T?> GetAsync<T>(char kind, string realm, string key, Func<ValueTask<T?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((kind, realm, key), out var entry) && entry.ExpiresAt > now) return (T?)entry.Value;
        var value = await load();
        if (lifetime > TimeSpan.Zero) _entries[(kind, realm, key)] = new Entry(value, now + lifetime);
        return value;
    }
}
