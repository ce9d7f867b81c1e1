namespace Latchkey.Server;

/// <summary>OpenTelemetry metrics, served for Prometheus to scrape.</summary>
public sealed class MetricsOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The scrape endpoint. It names clients and realms: keep it off the public internet (docs/production.md).</summary>
    public string Path { get; set; } = "/metrics";
}
