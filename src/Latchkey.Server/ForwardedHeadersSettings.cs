namespace Latchkey.Server;

/// <summary>
/// The reverse proxies whose X-Forwarded-For, -Proto and -Host headers are believed. Empty (the default): none are,
/// and the caller's address and scheme are the TCP connection's. Never list an address a client can reach you from.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];
    /// <summary>How many proxies in a chain are read from the end of X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;
}
