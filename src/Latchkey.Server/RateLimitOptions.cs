namespace Latchkey.Server;

/// <summary>
/// Requests per fixed window to /token, /authorize, the login and device pages' POST and /bc-authorize, counted
/// per client and per client IP address, in this node's memory. The defaults only stop floods far beyond what one
/// node serves (the benchmark reaches ~20,000 requests/s from one client and one IP on 2 cores); set your own.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    public int WindowSeconds { get; set; } = 10;
    /// <summary>Per realm and client_id (from Basic authentication, the form or the query).</summary>
    public int PermitsPerClient { get; set; } = 1_000_000;
    /// <summary>Per client IP address; behind a reverse proxy, trust its forwarded headers or every user shares its address.</summary>
    public int PermitsPerIp { get; set; } = 1_000_000;
}
