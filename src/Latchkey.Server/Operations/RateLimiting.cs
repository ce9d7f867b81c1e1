using System.Globalization;
using System.Threading.RateLimiting;
using Latchkey.Protocol.Primitives;
using Latchkey.Server.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Latchkey.Server.Operations;

/// <summary>
/// ASP.NET Core's rate limiter with two fixed windows chained, one per client and one per IP address, over the
/// requests <see cref="RateLimitedRequests"/> names; every other request passes untouched. In memory, so each node
/// counts on its own (the login lockout that must hold across nodes is in the database, see FailureThrottle).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddLatchkeyRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        if (!limits.Enabled) return services;
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(http => RateLimitedRequests.Of(http)?.Client, limits.PermitsPerClient, window),
                Partitioned(http => RateLimitedRequests.Of(http)?.Ip, limits.PermitsPerIp, window));
            o.OnRejected = (context, ct) => RejectAsync(context, window, ct);
        });
        return services;
    }

    public static IApplicationBuilder UseLatchkeyRateLimiting(this IApplicationBuilder app, RateLimitOptions limits) =>
        limits.Enabled ? app.UseLatchkeyRateLimitKeys().UseRateLimiter() : app;

    private static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string?> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => key(http) is { } k
            ? RateLimitPartition.GetFixedWindowLimiter(k, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>429 with Retry-After (RFC 6585 §4): the wait until the window that refused the request opens again.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<LatchkeyMetrics>().RateLimited();
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (PageRequests.IsPage(http.GetEndpoint()))
        {
            await PageRequests.WriteAsync(http, "Too many requests", $"Please wait {seconds} seconds and try again.", ct);
            return;
        }
        await ProtocolResponses.WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteString(Parameters.Error, ErrorCodes.TemporarilyUnavailable);
            w.WriteString(Parameters.ErrorDescription, $"Too many requests. Retry after {seconds} seconds.");
            w.WriteEndObject();
        });
    }
}
