namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

/// <summary>RFC 8628 §3.2 expires_in and interval; the host fills them from its configuration.</summary>
public sealed record DeviceFlowSettings
{
    /// <summary>How long the user has to enter the code, and the device to poll (expires_in).</summary>
    public int CodeLifetimeSeconds { get; init; } = 600;

    /// <summary>The minimum wait between two polls (interval; §3.5 default 5).</summary>
    public int PollingIntervalSeconds { get; init; } = 5;
}
