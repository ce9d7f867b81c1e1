using System.Threading.Channels;
using Latchkey.Protocol.Endpoints.EndSession;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Delivers logout tokens in the background (Back-Channel Logout 1.0 §2.5), so the user's logout page
/// never waits on a client. A failed delivery is retried with growing delays, then given up and logged.
/// Deliveries waiting in memory are lost if the node stops (not yet durable).
/// </summary>
public sealed class BackchannelLogoutDispatcher(IHttpClientFactory http, ILogger<BackchannelLogoutDispatcher> log) : BackgroundService
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly Channel<LogoutNotifications.BackchannelDelivery> _queue =
        Channel.CreateBounded<LogoutNotifications.BackchannelDelivery>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(IEnumerable<LogoutNotifications.BackchannelDelivery> deliveries)
    {
        foreach (var delivery in deliveries) _queue.Writer.TryWrite(delivery);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
                _ = Task.Run(() => DeliverAsync(delivery, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: deliveries still queued are dropped (see the class comment).
        }
    }

    private async Task DeliverAsync(LogoutNotifications.BackchannelDelivery delivery, CancellationToken ct)
    {
        var client = http.CreateClient(nameof(BackchannelLogoutDispatcher));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // §2.5: POST, application/x-www-form-urlencoded, logout_token; the RP answers 200 (or 204).
                using var content = new FormUrlEncodedContent([new("logout_token", delivery.LogoutToken)]);
                using var response = await client.PostAsync(delivery.Uri, content, ct);
                if (response.IsSuccessStatusCode) return;
                log.LogWarning("Back-channel logout to {Client} answered {Status}", delivery.ClientId, (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning("Back-channel logout to {Client} failed: {Message}", delivery.ClientId, e.Message);
            }
            if (attempt >= RetryDelays.Length)
            {
                log.LogWarning("Back-channel logout to {Client} given up after {Attempts} attempts", delivery.ClientId, attempt + 1);
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
