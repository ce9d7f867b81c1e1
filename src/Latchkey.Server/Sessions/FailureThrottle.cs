using Latchkey.Protocol.Storage;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Failures counted per user and per client IP in the store (so every node sees them): past a threshold
/// every further attempt must wait, the wait doubling with each failure. Each kind of secret a person
/// types (password, device user code) has its own counters and settings.
/// </summary>
public abstract class FailureThrottle(ILoginThrottleStore store, TimeProvider clock)
{
    protected abstract LoginThrottleOptions Settings { get; }
    protected abstract string UserKey(string realm, string user);
    protected abstract string IpKey(string ip);

    /// <summary>How long the caller must still wait, or null when it may try now.</summary>
    public async ValueTask<TimeSpan?> RetryAfterAsync(string realm, string user, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var key in Keys(realm, user, ip))
        {
            var state = await store.GetAsync(key, ct);
            if (state?.LockedUntil is { } until && until > now && (wait is null || until - now > wait)) wait = until - now;
        }
        return wait;
    }

    public async ValueTask RecordFailureAsync(string realm, string user, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = Keys(realm, user, ip).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            var threshold = i == 0 ? Settings.UserFailuresBeforeLock : Settings.IpFailuresBeforeLock;
            await store.UpdateAsync(keys[i], state =>
            {
                if (state is null || IsStale(state, now)) state = new LoginThrottleState(0, now, null);
                var failures = state.Failures + 1;
                DateTimeOffset? lockedUntil = failures >= threshold ? now + LockFor(failures - threshold) : null;
                return new LoginThrottleState(failures, state.FirstFailureAt, lockedUntil);
            }, ct);
        }
    }

    protected ValueTask ResetUserAsync(string realm, string user, CancellationToken ct) => store.ResetAsync(UserKey(realm, user), ct);

    /// <summary>The user's counter as an operator sees it: failures so far and the lock, if one is running.</summary>
    public ValueTask<LoginThrottleState?> UserStateAsync(string realm, string user, CancellationToken ct) => store.GetAsync(UserKey(realm, user), ct);

    /// <summary>Counting starts again once the window has passed and no lock is running.</summary>
    private bool IsStale(LoginThrottleState state, DateTimeOffset now) =>
        now - state.FirstFailureAt > TimeSpan.FromMinutes(Settings.WindowMinutes)
        && (state.LockedUntil is null || state.LockedUntil <= now);

    private TimeSpan LockFor(int beyondThreshold) =>
        TimeSpan.FromSeconds(Math.Min(Settings.MaxLockSeconds, Settings.BaseLockSeconds * Math.Pow(2, Math.Min(beyondThreshold, 20))));

    private IEnumerable<string> Keys(string realm, string user, string? ip)
    {
        yield return UserKey(realm, user);
        if (ip is not null) yield return IpKey(ip);
    }
}
