using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Latchkey.Server.Operations;

/// <summary>
/// Provider-neutral database options for outages: bounded commands, and EF Core's own failure events as warnings.
/// EF logs a failed command at error level before the exception reaches the host, which then decides: a bug is
/// logged as server_error (error), an outage as a 503 (warning, see <see cref="DatabaseUnavailableHandler"/>).
/// </summary>
public static class DatabaseOutageSettings
{
    public static void Configure(DbContextOptionsBuilder db, int commandTimeoutSeconds)
    {
        db.AddInterceptors(new BoundedCommandTimeout(commandTimeoutSeconds));
        db.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Warning),
            (RelationalEventId.ConnectionError, LogLevel.Warning),
            (RelationalEventId.TransactionError, LogLevel.Warning),
            (CoreEventId.QueryIterationFailed, LogLevel.Warning),
            (CoreEventId.SaveChangesFailed, LogLevel.Warning)));
    }
}
