using Latchkey.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Maintenance;

/// <summary>
/// Deletes expired codes, device and CIBA requests, reference and refresh tokens, login sessions and used client
/// assertions on a schedule, a while after they expired (so a late replay is still recognised as one meanwhile).
/// </summary>
public sealed class ExpiredDataCleanup(IExpiredDataStore store, IOptions<LatchkeyOptions> options, TimeProvider clock, ILogger<ExpiredDataCleanup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Cleanup;
        if (settings.Interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
                var deleted = await store.DeleteExpiredAsync(clock.GetUtcNow() - settings.KeepExpiredFor, stoppingToken);
                if (deleted > 0) log.LogInformation("Deleted {Rows} expired rows", deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again.
                log.LogWarning("Cleaning up expired rows failed: {Message}", e.Message);
            }
        }
    }
}
