using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>A relying party's back-channel logout endpoint on loopback: records every logout token it is sent.</summary>
public sealed class LogoutReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _tokens = new();
    private WebApplication? _app;
    private int _failuresLeft;

    public string Uri { get; private set; } = "";
    public IReadOnlyCollection<string> Tokens => _tokens;
    public int Attempts;

    public static async Task<LogoutReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new LogoutReceiver { _failuresLeft = failFirst };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bc", async (HttpContext http) =>
        {
            Interlocked.Increment(ref receiver.Attempts);
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0) return Results.StatusCode(503);
            var form = await http.Request.ReadFormAsync();
            receiver._tokens.Enqueue(form["logout_token"].ToString());
            return Results.Ok();
        });
        await app.StartAsync();
        receiver._app = app;
        receiver.Uri = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/bc";
        return receiver;
    }

    public async Task<string> WaitForTokenAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_tokens.TryPeek(out var token)) return token;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No logout token arrived within {timeout} ({Attempts} attempts).");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
