namespace Latchkey.Storage.Entities;

public sealed class LoginThrottleEntity
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset FirstFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
