using Latchkey.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Failed logins counted per user and per client IP (see <see cref="FailureThrottle"/>). The message never
/// says which of username or password was wrong.
/// </summary>
public sealed class LoginThrottle(ILoginThrottleStore store, TimeProvider clock, IOptions<LatchkeyOptions> options)
    : FailureThrottle(store, clock)
{
    protected override LoginThrottleOptions Settings => options.Value.LoginThrottle;

    public ValueTask RecordSuccessAsync(string realm, string username, CancellationToken ct) => ResetUserAsync(realm, username, ct);

    /// <summary>An operator lifts a user's lock (latchkey users unlock).</summary>
    public ValueTask UnlockAsync(string realm, string username, CancellationToken ct) => ResetUserAsync(realm, username, ct);

    protected override string UserKey(string realm, string username) => $"user:{realm}:{username.Trim().ToLowerInvariant()}";
    protected override string IpKey(string ip) => $"ip:{ip}";
}
