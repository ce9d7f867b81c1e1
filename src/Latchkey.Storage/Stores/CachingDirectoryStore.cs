using System.Collections.Concurrent;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;

namespace Latchkey.Storage.Stores;

/// <summary>
/// Realms, their scopes and clients change rarely but are read on every request (the benchmark's
/// profile: four SQLite reads per client_credentials token, 70 % of the endpoint's time). They are kept
/// for <see cref="Lifetime"/>: a change made on this node is seen at once (<see cref="Invalidate"/>),
/// a change made elsewhere (another node, the command line against a running server) within that time.
/// <para>Users by id too, which every userinfo, code redemption and refresh reads (as Keycloak's user cache):
/// at most <see cref="MaxUsers"/> of them, so a large realm cannot grow the process without bound. Sign-in
/// looks users up by name, uncached, so a password or an account switched off applies to the next login at
/// once everywhere; lockouts live in the throttle store, not here.</para>
/// </summary>
public sealed class CachingDirectoryStore(EfDirectoryStore inner, TimeProvider clock, TimeSpan lifetime) : IRealmStore, IClientStore, IUserStore
{
    public const int MaxUsers = 10_000;

    private sealed record Entry(object? Value, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<(char Kind, string Realm, string Key), Entry> _entries = new();
    private int _users;

    public TimeSpan Lifetime => lifetime;

    public ValueTask<Realm?> FindAsync(string realm, CancellationToken ct) =>
        GetAsync('r', realm, "", () => inner.FindAsync(realm, ct));

    public async ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct) =>
        (await GetAsync<IReadOnlyList<ScopeDefinition>>('s', realm, "", async () => await inner.ScopesAsync(realm, ct)))!;

    ValueTask<Client?> IClientStore.FindAsync(string realm, string clientId, CancellationToken ct) =>
        GetAsync('c', realm, clientId, () => ((IClientStore)inner).FindAsync(realm, clientId, ct));

    public ValueTask<User?> FindByIdAsync(string realm, string userId, CancellationToken ct) =>
        GetAsync('u', realm, userId, () => inner.FindByIdAsync(realm, userId, ct));

    public ValueTask<User?> FindByUsernameAsync(string realm, string username, CancellationToken ct) =>
        inner.FindByUsernameAsync(realm, username, ct);

    /// <summary>Forgets everything cached for a realm; the admin paths call it after every change.</summary>
    public void Invalidate(string realm)
    {
        foreach (var key in _entries.Keys.Where(k => k.Realm == realm))
            if (_entries.TryRemove(key, out _) && key.Kind == 'u') Interlocked.Decrement(ref _users);
    }

    private bool HasRoomForUser(DateTimeOffset now)
    {
        if (Volatile.Read(ref _users) < MaxUsers) return true;
        foreach (var (key, entry) in _entries)
            if (key.Kind == 'u' && entry.ExpiresAt <= now && _entries.TryRemove(key, out _)) Interlocked.Decrement(ref _users);
        return Volatile.Read(ref _users) < MaxUsers;
    }

    private async ValueTask<T?> GetAsync<T>(char kind, string realm, string key, Func<ValueTask<T?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((kind, realm, key), out var entry) && entry.ExpiresAt > now) return (T?)entry.Value;
        var value = await load();
        if (lifetime <= TimeSpan.Zero) return value;
        var entryKey = (kind, realm, key);
        if (kind != 'u' || entry is not null) _entries[entryKey] = new Entry(value, now + lifetime);
        else if (HasRoomForUser(now) && _entries.TryAdd(entryKey, new Entry(value, now + lifetime))) Interlocked.Increment(ref _users);
        return value;
    }
}
