using OpenTelemetry.Metrics;

namespace Latchkey.Server.Operations;

/// <summary>
/// OpenTelemetry metrics: ASP.NET Core's request counts and latency histograms, and the meter "Latchkey"
/// (<see cref="LatchkeyMetrics"/>), served in Prometheus text format at Latchkey:Metrics:Path.
/// </summary>
public static class Metrics
{
    public static IServiceCollection AddLatchkeyMetrics(this IServiceCollection services, MetricsOptions options)
    {
        services.AddMetrics();
        services.AddSingleton<LatchkeyMetrics>();
        if (options.Enabled)
            services.AddOpenTelemetry().WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(LatchkeyMetrics.MeterName)
                .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapLatchkeyMetrics(this IEndpointRouteBuilder app, MetricsOptions options)
    {
        if (options.Enabled) app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }
}
