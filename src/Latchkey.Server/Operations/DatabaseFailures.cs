using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Latchkey.Server.Operations;

/// <summary>
/// Tells a database that cannot answer (down, unreachable, locked, timed out) from a bug. Provider-neutral: every
/// ADO.NET provider throws a <see cref="DbException"/> (Microsoft.Data.Sqlite's SqliteException, Npgsql's
/// NpgsqlException, whose timeouts carry an inner TimeoutException), and EF Core wraps some of them in
/// DbUpdateException or InvalidOperationException, so the whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>SQLite's SQLITE_CONSTRAINT: an integrity violation is our bug, not an outage.</summary>
    private const int SqliteConstraint = 19;

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint }:
                    return false;
                // SQLSTATE class 23 is integrity constraint violation (ISO SQL, PostgreSQL appendix A).
                case DbException db when db.SqlState?.StartsWith("23", StringComparison.Ordinal) == true:
                    return false;
                case DbException or TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
