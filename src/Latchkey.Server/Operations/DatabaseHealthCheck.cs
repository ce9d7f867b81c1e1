using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Latchkey.Server.Operations;

/// <summary>
/// Ready means the database answers a real query (opening a SQLite file alone proves nothing). Each probe opens a
/// fresh context, so readiness returns by itself as soon as the database does. A change of state is logged once.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<LatchkeyDbContext> factory, ILogger<DatabaseHealthCheck> log) : IHealthCheck
{
    private int _failing;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Realms.AsNoTracking().AnyAsync(ct);
            if (Interlocked.Exchange(ref _failing, 0) == 1) log.LogWarning("database reachable again");
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) || e is OperationCanceledException)
        {
            if (Interlocked.Exchange(ref _failing, 1) == 0) log.LogWarning("database unreachable: {Message}", e.Message);
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
