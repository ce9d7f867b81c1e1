using Microsoft.EntityFrameworkCore;

namespace Latchkey.Server.Operations;

/// <summary>
/// Provider-neutral database options for outages: every command bounded in time, and EF Core's own failure logs
/// as warnings (<see cref="ErrorsAsWarningsLoggerFactory"/>), so the host alone decides what is an error.
/// </summary>
public static class DatabaseOutageSettings
{
    public static void Configure(DbContextOptionsBuilder db, IServiceProvider services, int commandTimeoutSeconds)
    {
        db.AddInterceptors(new BoundedCommandTimeout(commandTimeoutSeconds));
        db.UseLoggerFactory(new ErrorsAsWarningsLoggerFactory(services.GetRequiredService<ILoggerFactory>()));
    }
}
