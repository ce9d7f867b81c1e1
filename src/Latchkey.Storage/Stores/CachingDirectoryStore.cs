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
/// <para>Users by id too, which every userinfo, code redemption, refresh and single sign-on reads (as Keycloak's
/// user cache): at most <see cref="MaxUsers"/> of them, kept without their password hash. Password checks look
/// users up by name, uncached, so a changed password or a disabled account stops new sign-ins at once everywhere;
/// an account disabled on another node (or by the command line against a running server) can still refresh,
/// redeem a code or use its session here for up to <see cref="Lifetime"/>, as a changed client can.</para>
/// </summary>
public sealed class CachingDirectoryStore(EfDirectoryStore inner, TimeProvider clock, TimeSpan lifetime) : IRealmStore, IClientStore, IUserStore
{
    public const int MaxUsers = 10_000;

    private sealed record Entry(object? Value, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<(char Kind, string Realm, string Key), Entry> _entries = new();
    private int _users;
    private long _sweptAt;
    // Bumped by Invalidate: a load that began before an invalidation does not store what it read.
    private long _generation;

    public TimeSpan Lifetime => lifetime;

    public ValueTask<Realm?> FindAsync(string realm, CancellationToken ct) =>
        GetAsync('r', realm, "", () => inner.FindAsync(realm, ct));

    public async ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct) =>
        (await GetAsync<IReadOnlyList<ScopeDefinition>>('s', realm, "", async () => await inner.ScopesAsync(realm, ct)))!;

    ValueTask<Client?> IClientStore.FindAsync(string realm, string clientId, CancellationToken ct) =>
        GetAsync('c', realm, clientId, () => ((IClientStore)inner).FindAsync(realm, clientId, ct));

    public ValueTask<User?> FindByIdAsync(string realm, string userId, CancellationToken ct) =>
        GetAsync('u', realm, userId, async () => await inner.FindByIdAsync(realm, userId, ct) is { } user ? user with { PasswordHash = null } : null);

    public ValueTask<User?> FindByUsernameAsync(string realm, string username, CancellationToken ct) =>
        inner.FindByUsernameAsync(realm, username, ct);

    /// <summary>Forgets everything cached for a realm; the admin paths call it after every change.</summary>
    public void Invalidate(string realm)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys.Where(k => k.Realm == realm))
            if (_entries.TryRemove(key, out _) && key.Kind == 'u') Interlocked.Decrement(ref _users);
    }

    private bool HasRoomForUser(DateTimeOffset now)
    {
        if (Volatile.Read(ref _users) < MaxUsers) return true;
        // Full: sweep out expired users, at most once a second, so a full cache of live users costs no scan per miss.
        var last = Volatile.Read(ref _sweptAt);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref _sweptAt, now.UtcTicks, last) != last)
            return false;
        foreach (var (key, entry) in _entries)
            if (key.Kind == 'u' && entry.ExpiresAt <= now && _entries.TryRemove(key, out _)) Interlocked.Decrement(ref _users);
        return Volatile.Read(ref _users) < MaxUsers;
    }

    private async ValueTask<T?> GetAsync<T>(char kind, string realm, string key, Func<ValueTask<T?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((kind, realm, key), out var entry) && entry.ExpiresAt > now) return (T?)entry.Value;
        var generation = Interlocked.Read(ref _generation);
        var value = await load();
        if (lifetime <= TimeSpan.Zero || Interlocked.Read(ref _generation) != generation) return value;
        var entryKey = (kind, realm, key);
        var fresh = new Entry(value, now + lifetime);
        if (kind != 'u') _entries[entryKey] = fresh;
        // Users are counted on the add and on each removal only, so the bound holds whatever races with a refresh.
        else if (entry is not null && _entries.TryUpdate(entryKey, fresh, entry)) { }
        else if (HasRoomForUser(now) && _entries.TryAdd(entryKey, fresh)) Interlocked.Increment(ref _users);
        return value;
    }
}
