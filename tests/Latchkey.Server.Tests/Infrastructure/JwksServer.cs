using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        var (app, address) = await LoopbackApp.StartAsync(app => app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref server._fetches);
            return server.Failing ? Results.StatusCode(503) : Results.Text(server.Published, "application/json");
        }));
        server._app = app;
        server.Uri = address + "/jwks";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
