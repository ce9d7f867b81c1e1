namespace Latchkey.Protocol.Storage;

public sealed record LoginThrottleState(int Failures, DateTimeOffset FirstFailureAt, DateTimeOffset? LockedUntil);
