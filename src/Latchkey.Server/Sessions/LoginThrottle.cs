using Latchkey.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Failed logins counted per user and per client IP: past a threshold every further attempt must
/// wait, the wait doubling with each failure. The message never says which of username or
/// password was wrong.
/// </summary>
public sealed class LoginThrottle(ILoginThrottleStore store, TimeProvider clock, IOptions<LatchkeyOptions> options)
{
    private LoginThrottleOptions Settings => options.Value.LoginThrottle;

    /// <summary>How long the caller must still wait, or null when it may try now.</summary>
    public async ValueTask<TimeSpan?> RetryAfterAsync(string realm, string username, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var key in Keys(realm, username, ip))
        {
            var state = await store.GetAsync(key, ct);
            if (state?.LockedUntil is { } until && until > now && (wait is null || until - now > wait)) wait = until - now;
        }
        return wait;
    }

    public async ValueTask RecordFailureAsync(string realm, string username, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = Keys(realm, username, ip).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            var threshold = i == 0 ? Settings.UserFailuresBeforeLock : Settings.IpFailuresBeforeLock;
            var state = await store.GetAsync(keys[i], ct);
            if (state is null || IsStale(state, now)) state = new LoginThrottleState(0, now, null);
            var failures = state.Failures + 1;
            DateTimeOffset? lockedUntil = failures >= threshold ? now + LockFor(failures - threshold) : null;
            await store.SaveAsync(keys[i], new LoginThrottleState(failures, state.FirstFailureAt, lockedUntil), ct);
        }
    }

    public ValueTask RecordSuccessAsync(string realm, string username, CancellationToken ct) =>
        store.ResetAsync(UserKey(realm, username), ct);

    /// <summary>Counting starts again once the window has passed and no lock is running.</summary>
    private bool IsStale(LoginThrottleState state, DateTimeOffset now) =>
        now - state.FirstFailureAt > TimeSpan.FromMinutes(Settings.WindowMinutes)
        && (state.LockedUntil is null || state.LockedUntil <= now);

    private TimeSpan LockFor(int beyondThreshold) =>
        TimeSpan.FromSeconds(Math.Min(Settings.MaxLockSeconds, Settings.BaseLockSeconds * Math.Pow(2, Math.Min(beyondThreshold, 20))));

    private static IEnumerable<string> Keys(string realm, string username, string? ip)
    {
        yield return UserKey(realm, username);
        if (ip is not null) yield return $"ip:{ip}";
    }

    private static string UserKey(string realm, string username) => $"user:{realm}:{username.Trim().ToLowerInvariant()}";
}
