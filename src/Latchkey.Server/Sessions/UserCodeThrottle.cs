using Latchkey.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Sessions;

/// <summary>
/// RFC 8628 §5.1: wrong user codes typed at the device page, counted per signed-in user and per client IP,
/// apart from failed logins. A correct code does not reset the count: anyone can obtain valid codes from a
/// public device client, so resetting would let a guesser interleave them.
/// </summary>
public sealed class UserCodeThrottle(ILoginThrottleStore store, TimeProvider clock, IOptions<LatchkeyOptions> options)
    : FailureThrottle(store, clock)
{
    protected override LoginThrottleOptions Settings => options.Value.DeviceFlow.UserCodeThrottle;
    protected override string UserKey(string realm, string userId) => $"user-code:user:{realm}:{userId}";
    protected override string IpKey(string ip) => $"user-code:ip:{ip}";
}
