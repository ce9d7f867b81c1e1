namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>CIBA Core §7.3 expires_in and interval; the host fills them from its configuration.</summary>
public sealed record CibaSettings
{
    /// <summary>How long the user has to decide when the client sends no requested_expiry.</summary>
    public int DefaultExpirySeconds { get; init; } = 300;

    /// <summary>The longest requested_expiry granted (§7.1); a longer one is shortened to this.</summary>
    public int MaxExpirySeconds { get; init; } = 1800;

    /// <summary>The minimum wait between two polls (§7.3 interval; 5 is the default clients assume).</summary>
    public int PollingIntervalSeconds { get; init; } = 5;
}
