using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// PostgreSQL killed under a running node: 503 temporarily_unavailable (never a 500, never a hang) and ready = 503;
/// started again: the same node recovers by itself (docs/production.md#health-and-database-outages).
/// </summary>
public sealed class PostgresOutageTests(PostgresCluster cluster, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    private static readonly Dictionary<string, string> ClientCredentials = new() { ["grant_type"] = "client_credentials", ["scope"] = "api" };

    [Fact]
    public async Task Killing_the_database_gives_503s_and_the_node_recovers_when_it_returns()
    {
        if (cluster.Unavailable is not null)
        {
            output.WriteLine(cluster.Unavailable);
            return;
        }
        var data = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var import = Path.Combine(data, "import.json");
        await File.WriteAllTextAsync(import, TestRealm.ImportJson);
        var errors = new ServerErrorLog();
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--Latchkey:DataDirectory={data}", "--Latchkey:DemoRealm=", "--Latchkey:DirectoryCacheSeconds=0",
            "--Latchkey:Storage:Provider=postgres", "--Latchkey:Storage:CommandTimeoutSeconds=5", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error",
            $"--Latchkey:Storage:ConnectionString={cluster.ConnectionString("latchkey_outage")};Timeout=5",
        ];
        await using var app = LatchkeyHost.Build(args, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(errors));
        await LatchkeyHost.MigrateAsync(app, TextWriter.Null, default);
        await LatchkeyHost.InitializeAsync(app, import, TextWriter.Null, default);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http)).Status);

        await cluster.KillAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            var (status, body) = await TokenAsync(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("temporarily_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"answered after {watch.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
            var page = await http.GetAsync($"/realms/{TestRealm.Name}/authorize?client_id=web&response_type=code");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await cluster.RestartAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await http.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http)).Status);
        Assert.Empty(errors.Errors);
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<(HttpStatusCode Status, string Body)> TokenAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/realms/{TestRealm.Name}/token") { Content = new FormUrlEncodedContent(ClientCredentials) };
        request.Headers.Authorization = OAuthTestClient.Basic("service", TestRealm.WebSecret);
        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
