using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Latchkey.Storage;

/// <summary>Everything that differs between database providers, in one place.</summary>
public static class StorageProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    /// <summary>PostgreSQL's migrations live in their own assembly: one context type, one migration set per provider.</summary>
    public const string PostgresMigrationsAssembly = "Latchkey.Storage.PostgresMigrations";
    private const string MigrationsTable = "__latchkey_migrations";
    /// <summary>Any constant shared by every node: the session advisory lock held while one node initializes.</summary>
    private const long InitializationLockId = 0x4C61_7463_686B_6579;

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider.ToLowerInvariant())
        {
            case Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsTable))
                    .AddInterceptors(SqliteConnectionSettings.Instance);
                break;
            case Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsTable)
                    .MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider '{provider}'. Supported: {Sqlite}, {Postgres}.");
        }
    }

    /// <summary>SQLite, the embedded default, migrates at start; a shared PostgreSQL is migrated by `latchkey migrate`.</summary>
    public static bool MigratesOnStartByDefault(string provider) => provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase);

    public static void ConfigureConventions(string? providerName, ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare DateTimeOffset stored as text; as UTC ticks they order and compare correctly.
        // PostgreSQL maps it to timestamptz natively.
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// <summary>Applies the migrations (creating the database and schema when missing); WAL lets SQLite readers run beside the single writer.</summary>
    public static async Task MigrateAsync(LatchkeyDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Migrations this build knows and the database has not applied yet.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(LatchkeyDbContext db, CancellationToken ct) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).ToArray();

    /// <summary>
    /// Holds off every other node's initialization (seeding, first signing keys, first Data Protection key) until
    /// disposed, so two nodes starting at once never both create what must exist once. PostgreSQL: a session
    /// advisory lock on <paramref name="db"/>'s connection. SQLite serves one machine; its writers are serialized anyway.
    /// </summary>
    public static async Task<IAsyncDisposable> LockInitializationAsync(LatchkeyDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return NoLock.Instance;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({InitializationLockId})", ct);
        return new AdvisoryLock(db);
    }

    /// <summary>
    /// A transaction in which read-change-write on <paramref name="key"/> is serialized across nodes: SQLite's
    /// BEGIN IMMEDIATE takes the database's write lock before the first read; PostgreSQL takes a transaction
    /// advisory lock on the key (it also covers a row that does not exist yet, which SELECT … FOR UPDATE cannot).
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSerializedAsync(LatchkeyDbContext db, string key, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        return tx;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class AdvisoryLock(LatchkeyDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({InitializationLockId})");
            await db.Database.CloseConnectionAsync();
        }
    }
}
