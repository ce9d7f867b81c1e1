namespace Latchkey.Protocol.Storage;

/// <summary>Failed-login counters per key (a user, an IP address), shared by every node.</summary>
public interface ILoginThrottleStore
{
    ValueTask<LoginThrottleState?> GetAsync(string key, CancellationToken ct);
    /// <summary>
    /// Reads, changes and writes one key's state as a single serialized step, so parallel failures are
    /// all counted (no lost updates) and a concurrent reset cannot make the write fail.
    /// </summary>
    ValueTask<LoginThrottleState> UpdateAsync(string key, Func<LoginThrottleState?, LoginThrottleState> change, CancellationToken ct);
    ValueTask ResetAsync(string key, CancellationToken ct);
}
