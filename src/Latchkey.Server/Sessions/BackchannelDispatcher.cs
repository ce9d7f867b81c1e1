using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Latchkey.Protocol.Endpoints.BackchannelAuthentication;
using Latchkey.Protocol.Endpoints.EndSession;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Calls clients in the background — logout tokens (Back-Channel Logout 1.0 §2.5) and CIBA pings (CIBA Core
/// §10.2) — so the user's page never waits on a client. Each call is first written to the outbox in the
/// database (its body encrypted), so it survives a restart and any node can make it; a failed call is retried
/// after 1 s, 5 s and 30 s, then given up and logged (never with the token it carried).
/// </summary>
public sealed class BackchannelDispatcher(IOutboundCallStore outbox, IKeyProtector protector, IHttpClientFactory http, TimeProvider clock,
    ILogger<BackchannelDispatcher> log) : BackgroundService, ICibaPingSender
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>How long a node holds a call it is making before another may take it: longer than the HTTP timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    /// <summary>How often the outbox is read for calls written or rescheduled by other nodes (this node's own wake it at once).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);

    private const string Logout = "Back-channel logout";
    private const string Ping = "CIBA ping";

    private sealed record Payload(string ContentType, string Body, string? BearerToken);

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>§2.5: POST, application/x-www-form-urlencoded, logout_token; the RP answers 200 (or 204).</summary>
    public async ValueTask EnqueueAsync(IEnumerable<LogoutNotifications.BackchannelDelivery> deliveries, CancellationToken ct)
    {
        foreach (var d in deliveries)
            await AddAsync(Logout, d.ClientId, d.Uri, new Payload("application/x-www-form-urlencoded",
                "logout_token=" + Uri.EscapeDataString(d.LogoutToken), BearerToken: null), ct);
    }

    /// <summary>CIBA §10.2: POST of {"auth_req_id"} as JSON, with the client_notification_token as Bearer; the client answers 204.</summary>
    public ValueTask EnqueueAsync(CibaPing ping, CancellationToken ct) =>
        AddAsync(Ping, ping.ClientId, ping.Endpoint, new Payload("application/json", ping.Body(), ping.NotificationToken), ct);

    private async ValueTask AddAsync(string kind, string clientId, string uri, Payload payload, CancellationToken ct)
    {
        var sealedPayload = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload));
        await outbox.AddAsync(new OutboundCall(RandomToken.Create(16), kind, clientId, uri, sealedPayload, 0, clock.GetUtcNow()), ct);
        _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var call in await outbox.ClaimDueAsync(clock.GetUtcNow(), Lease, 32, stoppingToken))
                    _ = Task.Run(() => DeliverAsync(call, stoppingToken), stoppingToken);
                await _wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: leased calls become due again for whichever node runs next.
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the calls wait in it.
                log.LogWarning("The outbox could not be read: {Message}", e.Message);
                await Task.Delay(PollInterval, clock, CancellationToken.None);
            }
        }
    }

    private async Task DeliverAsync(OutboundCall call, CancellationToken ct)
    {
        try
        {
            if (await SendAsync(call, ct))
            {
                await outbox.RemoveAsync(call.Id, CancellationToken.None);
                return;
            }
            var attempts = call.Attempts + 1;
            if (attempts > RetryDelays.Length)
            {
                log.LogWarning("{Kind} to {Client} given up after {Attempts} attempts", call.Kind, call.ClientId, attempts);
                await outbox.RemoveAsync(call.Id, CancellationToken.None);
                return;
            }
            await outbox.RescheduleAsync(call.Id, attempts, clock.GetUtcNow() + RetryDelays[attempts - 1], CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The lease runs out and the call is tried again.
            log.LogWarning("{Kind} to {Client} could not be recorded: {Message}", call.Kind, call.ClientId, e.Message);
        }
    }

    /// <summary>True when the client accepted the call.</summary>
    private async Task<bool> SendAsync(OutboundCall call, CancellationToken ct)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(call.ProtectedPayload));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            payload = null;
        }
        if (payload is null)
        {
            log.LogWarning("{Kind} to {Client} dropped: its payload cannot be decrypted", call.Kind, call.ClientId);
            return true;
        }
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, call.Uri)
            {
                Content = new StringContent(payload.Body, Encoding.UTF8, payload.ContentType),
            };
            if (payload.BearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", payload.BearerToken);
            using var response = await http.CreateClient(nameof(BackchannelDispatcher)).SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return true;
            log.LogWarning("{Kind} to {Client} answered {Status}", call.Kind, call.ClientId, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("{Kind} to {Client} failed: {Message}", call.Kind, call.ClientId, e.Message);
        }
        return false;
    }
}
