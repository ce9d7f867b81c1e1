namespace Latchkey.Server;

/// <summary>The "Latchkey" configuration section. Every setting is documented in docs/configuration.md.</summary>
public sealed class LatchkeyOptions
{
    /// <summary>Public origin, e.g. https://id.example.com. Empty: taken from each request (development only).</summary>
    public string? PublicUrl { get; set; }
    public string DataDirectory { get; set; } = "data";
    public StorageOptions Storage { get; set; } = new();
    /// <summary>The realm created on first start when no realm exists (empty: none).</summary>
    public string DemoRealm { get; set; } = "demo";
    public int SessionLifetimeMinutes { get; set; } = 600;
    /// <summary>How long realms, scopes and clients are cached; changes from another node or process show after at most this. 0: no cache.</summary>
    public int DirectoryCacheSeconds { get; set; } = 30;
    public LoginThrottleOptions LoginThrottle { get; set; } = new();
    public DeviceFlowOptions DeviceFlow { get; set; } = new();
    public CibaOptions Ciba { get; set; } = new();
    public KeyOptions Keys { get; set; } = new();
    public CleanupOptions Cleanup { get; set; } = new();
    public KeyEncryption.KeyEncryptionOptions KeyEncryption { get; set; } = new();
    public ClientJwksOptions ClientJwks { get; set; } = new();
    public BrandingOptions Branding { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public MetricsOptions Metrics { get; set; } = new();
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
    /// <summary>On SIGTERM, how long requests in flight (and the back-channel outbox) get to finish before the process ends.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;
}

/// <summary>RFC 8628 device authorization grant.</summary>
public sealed class DeviceFlowOptions
{
    /// <summary>expires_in of device and user codes.</summary>
    public int CodeLifetimeSeconds { get; set; } = 600;
    /// <summary>interval: the minimum wait between two polls; slow_down adds 5 seconds to it per request.</summary>
    public int PollingIntervalSeconds { get; set; } = 5;
    /// <summary>Wrong user codes typed at the device page, counted per user and per client IP (RFC 8628 §5.1).</summary>
    public LoginThrottleOptions UserCodeThrottle { get; set; } = new();
}

/// <summary>OpenID Connect CIBA (Client-Initiated Backchannel Authentication).</summary>
public sealed class CibaOptions
{
    /// <summary>expires_in when the client sends no requested_expiry.</summary>
    public int DefaultExpirySeconds { get; set; } = 300;
    /// <summary>The longest requested_expiry granted; a longer one is shortened to this.</summary>
    public int MaxExpirySeconds { get; set; } = 1800;
    /// <summary>interval: the minimum wait between two polls; slow_down adds 5 seconds to it per request.</summary>
    public int PollingIntervalSeconds { get; set; } = 5;
}

/// <summary>Signing keys: the rotation schedule (docs/architecture.md#keys).</summary>
public sealed class KeyOptions
{
    /// <summary>Schedule a successor automatically when the signing key is due.</summary>
    public bool AutomaticRotation { get; set; } = true;
    /// <summary>How long a key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(90);
    /// <summary>How long before it signs a successor is published in JWKS.</summary>
    public TimeSpan PropagationTime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How long a key stays in JWKS after it stopped signing; longer than any token lifetime.</summary>
    public TimeSpan RetentionTime { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>JWK Sets that private_key_jwt clients publish at their jwks_uri.</summary>
public sealed class ClientJwksOptions
{
    /// <summary>How long a fetched set is used before it is fetched again.</summary>
    public int CacheSeconds { get; set; } = 300;
    /// <summary>An assertion naming an unknown kid refetches the set, at most this often per jwks_uri.</summary>
    public int MinRefreshSeconds { get; set; } = 10;
    public int TimeoutSeconds { get; set; } = 5;
}

/// <summary>Deleting what expired: codes, device and CIBA requests, reference and refresh tokens, sessions, used assertions.</summary>
public sealed class CleanupOptions
{
    /// <summary>How often each node deletes expired rows; zero or less: never.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long after expiry a row is kept (a replay of an expired code is then still seen as one).</summary>
    public TimeSpan KeepExpiredFor { get; set; } = TimeSpan.FromDays(1);
}

public sealed class StorageOptions
{
    /// <summary>"sqlite" (embedded, one machine) or "postgres" (shared by any number of nodes).</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>Empty: a SQLite file in the data directory.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>A database command that has not finished after this many seconds fails, and its request gets 503.</summary>
    public int CommandTimeoutSeconds { get; set; } = 15;
    /// <summary>Apply pending migrations at start. Unset: yes for SQLite; no for PostgreSQL, where `latchkey migrate` does it.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool MigratesOnStart => MigrateOnStart ?? Latchkey.Storage.StorageProvider.MigratesOnStartByDefault(Provider);
}

public sealed class LoginThrottleOptions
{
    /// <summary>Failures per user before each further attempt is delayed.</summary>
    public int UserFailuresBeforeLock { get; set; } = 5;
    /// <summary>Failures per client IP address before each further attempt is delayed.</summary>
    public int IpFailuresBeforeLock { get; set; } = 20;
    public int BaseLockSeconds { get; set; } = 30;
    public int MaxLockSeconds { get; set; } = 900;
    public int WindowMinutes { get; set; } = 15;
}

public sealed class BrandingOptions
{
    public string Title { get; set; } = "Latchkey";
    public string? LogoUrl { get; set; }
    public string PrimaryColor { get; set; } = "#2f5bea";
    public string BackgroundColor { get; set; } = "#f4f6fb";
}
