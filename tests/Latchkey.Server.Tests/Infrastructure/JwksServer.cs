using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>A client's jwks_uri on loopback: serves whatever JWK Set the test publishes, and counts the fetches.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _fetches;

    public string Uri { get; private set; } = "";
    public volatile string Published = """{"keys":[]}""";
    public volatile bool Failing;
    public int Fetches => _fetches;

    public static async Task<JwksServer> StartAsync(string jwks)
    {
        var server = new JwksServer { Published = jwks };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref server._fetches);
            return server.Failing ? Results.StatusCode(503) : Results.Text(server.Published, "application/json");
        });
        await app.StartAsync();
        server._app = app;
        server.Uri = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/jwks";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
