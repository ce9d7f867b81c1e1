using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Latchkey.Server.Operations;

/// <summary>
/// Behind a TLS-terminating proxy, the client's address (login throttle, rate limits, audit) and the https scheme
/// (issuer when PublicUrl is empty, Secure cookies) come from the proxy's X-Forwarded-* headers, believed only
/// when the connection comes from a configured proxy.
/// </summary>
public static class ReverseProxy
{
    public static bool IsConfigured(ForwardedHeadersSettings settings) => settings.KnownProxies.Count + settings.KnownNetworks.Count > 0;

    public static IServiceCollection AddLatchkeyForwardedHeaders(this IServiceCollection services, ForwardedHeadersSettings settings)
    {
        if (!IsConfigured(settings)) return services;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = settings.ForwardLimit;
            // Only the configured ones: not the loopback defaults, which would trust any local process.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    public static IApplicationBuilder UseLatchkeyForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersSettings settings) =>
        IsConfigured(settings) ? app.UseForwardedHeaders() : app;
}
