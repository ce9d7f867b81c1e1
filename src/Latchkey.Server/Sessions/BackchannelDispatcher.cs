using System.Net.Http.Headers;
using System.Threading.Channels;
using Latchkey.Protocol.Endpoints.BackchannelAuthentication;
using Latchkey.Protocol.Endpoints.EndSession;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Calls clients in the background — logout tokens (Back-Channel Logout 1.0 §2.5) and CIBA pings (CIBA Core
/// §10.2) — so the user's page never waits on a client. A failed call is retried with growing delays, then given
/// up and logged (never with the token it carried). Calls waiting in memory are lost if the node stops.
/// </summary>
public sealed class BackchannelDispatcher(IHttpClientFactory http, ILogger<BackchannelDispatcher> log) : BackgroundService, ICibaPingSender
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private sealed record Call(string Kind, string ClientId, string Uri, Func<HttpContent> Content, string? BearerToken);

    private readonly Channel<Call> _queue = Channel.CreateBounded<Call>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>§2.5: POST, application/x-www-form-urlencoded, logout_token; the RP answers 200 (or 204).</summary>
    public void Enqueue(IEnumerable<LogoutNotifications.BackchannelDelivery> deliveries)
    {
        foreach (var d in deliveries)
            _queue.Writer.TryWrite(new Call("Back-channel logout", d.ClientId, d.Uri,
                () => new FormUrlEncodedContent([new("logout_token", d.LogoutToken)]), BearerToken: null));
    }

    /// <summary>CIBA §10.2: POST of {"auth_req_id"} as JSON, with the client_notification_token as Bearer; the client answers 204.</summary>
    public void Enqueue(CibaPing ping) =>
        _queue.Writer.TryWrite(new Call("CIBA ping", ping.ClientId, ping.Endpoint, () =>
        {
            var content = new ByteArrayContent(ping.Body());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }, ping.NotificationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var call in _queue.Reader.ReadAllAsync(stoppingToken))
                _ = Task.Run(() => DeliverAsync(call, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: calls still queued are dropped (see the class comment).
        }
    }

    private async Task DeliverAsync(Call call, CancellationToken ct)
    {
        var client = http.CreateClient(nameof(BackchannelDispatcher));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, call.Uri) { Content = call.Content() };
                if (call.BearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.BearerToken);
                using var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode) return;
                log.LogWarning("{Kind} to {Client} answered {Status}", call.Kind, call.ClientId, (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning("{Kind} to {Client} failed: {Message}", call.Kind, call.ClientId, e.Message);
            }
            if (attempt >= RetryDelays.Length)
            {
                log.LogWarning("{Kind} to {Client} given up after {Attempts} attempts", call.Kind, call.ClientId, attempt + 1);
                return;
            }
            try
            {
                await Task.Delay(RetryDelays[attempt], ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
