namespace Latchkey.Protocol.Storage;

/// <summary>Failed-login counters per key (a user, an IP address), shared by every node.</summary>
public interface ILoginThrottleStore
{
    ValueTask<LoginThrottleState?> GetAsync(string key, CancellationToken ct);
    ValueTask SaveAsync(string key, LoginThrottleState state, CancellationToken ct);
    ValueTask ResetAsync(string key, CancellationToken ct);
}
