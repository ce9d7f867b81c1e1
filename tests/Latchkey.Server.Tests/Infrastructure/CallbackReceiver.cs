using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>
/// A relying party's endpoints that Latchkey calls on loopback: back-channel logout (<see cref="Uri"/>, records every
/// logout token) and the CIBA ping notification endpoint (<see cref="PingUri"/>, records the Authorization header and body).
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    public sealed record Ping(string? Authorization, string ContentType, string Body);

    private readonly ConcurrentQueue<string> _tokens = new();
    private readonly ConcurrentQueue<Ping> _pings = new();
    private WebApplication? _app;
    private int _failuresLeft;

    public string Uri { get; private set; } = "";
    public string PingUri { get; private set; } = "";
    public IReadOnlyCollection<Ping> Pings => _pings;
    public IReadOnlyCollection<string> Tokens => _tokens;
    public int Attempts;

    public static async Task<CallbackReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new CallbackReceiver { _failuresLeft = failFirst };
        var (app, address) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/bc", async (HttpContext http) =>
            {
                Interlocked.Increment(ref receiver.Attempts);
                if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0) return Results.StatusCode(503);
                var form = await http.Request.ReadFormAsync();
                receiver._tokens.Enqueue(form["logout_token"].ToString());
                return Results.Ok();
            });
            app.MapPost("/ping", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                receiver._pings.Enqueue(new Ping(http.Request.Headers.Authorization.ToString(), http.Request.ContentType ?? "", await reader.ReadToEndAsync()));
                return Results.NoContent();
            });
        });
        receiver._app = app;
        receiver.Uri = address + "/bc";
        receiver.PingUri = address + "/ping";
        return receiver;
    }

    /// <summary>From now on every call succeeds.</summary>
    public void Recover() => Interlocked.Exchange(ref _failuresLeft, 0);

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

    public async Task<Ping> WaitForPingAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_pings.Count >= count) return _pings.ElementAt(count - 1);
            await Task.Delay(50);
        }
        throw new TimeoutException($"Ping {count} did not arrive within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
