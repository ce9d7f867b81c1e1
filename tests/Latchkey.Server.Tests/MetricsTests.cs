using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

public sealed class MetricsOffServer() : LatchkeyServer(new Dictionary<string, string> { ["Latchkey:Metrics:Enabled"] = "false" });

/// <summary>The Prometheus scrape endpoint: Latchkey's own counters and ASP.NET Core's request histograms.</summary>
public sealed class MetricsTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Scrape_shows_tokens_by_grant_and_client_failures_by_error_login_failures_and_request_latency()
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(form, "service", TestRealm.WebSecret)).Status);
        Assert.Equal("invalid_client", (await client.TokenAsync(form, "service", "wrong-secret")).Error);
        Assert.Equal("invalid_grant", (await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "bob", ["password"] = "wrong",
        }, "direct", TestRealm.WebSecret)).Error);

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(Counter(text, "latchkey_tokens_issued_total", "client_id=\"service\"", "grant_type=\"client_credentials\"", "realm=\"test\"") >= 1, text);
        Assert.True(Counter(text, "latchkey_token_failures_total", "error=\"invalid_client\"", "grant_type=\"client_credentials\"") >= 1, text);
        Assert.True(Counter(text, "latchkey_logins_total", "result=\"failed\"", "realm=\"test\"") >= 1, text);
        Assert.Matches(new Regex("^http_server_request_duration_seconds_bucket\\{.*http_route=\"/realms/\\{realm\\}/token\".*\\} \\d+", RegexOptions.Multiline), text);
    }

    /// <summary>The value of the first sample of a metric whose labels include all of the given ones, or -1.</summary>
    private static double Counter(string text, string name, params string[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) || !labels.All(line.Contains)) continue;
            var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            return double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return -1;
    }
}

public sealed class MetricsSwitchedOffTests(MetricsOffServer server) : IClassFixture<MetricsOffServer>
{
    [Fact]
    public async Task Without_metrics_there_is_no_scrape_endpoint()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }
}
