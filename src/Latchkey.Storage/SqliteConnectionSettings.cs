using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Latchkey.Storage;

/// <summary>
/// Per-connection SQLite settings, applied each time a pooled connection opens (SQLite keeps them per connection).
/// <para><c>synchronous=NORMAL</c>: in WAL mode a commit no longer waits for an fsync of the WAL. The database cannot
/// be corrupted; the last commits before a power loss or OS crash (not a crash of the process) may be rolled back
/// (sqlite.org/pragma.html#pragma_synchronous, sqlite.org/wal.html).</para>
/// <para><c>busy_timeout</c>: SQLite has one writer at a time. A writer that finds the lock taken waits inside SQLite,
/// 1 ms at first and longer later, rather than in Microsoft.Data.Sqlite's retry loop, which sleeps the request thread
/// 150 ms at a time. Kept at 1 s, well under any command timeout: past it SQLite answers busy and
/// Microsoft.Data.Sqlite's loop, which honours the command timeout, takes over.</para>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        raw.sqlite3_exec(handle, "PRAGMA synchronous=NORMAL;");
        raw.sqlite3_busy_timeout(handle, 1_000);
    }
}
