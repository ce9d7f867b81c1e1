using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Latchkey.Storage;

/// <summary>Everything that differs between database providers, in one place.</summary>
public static class StorageProvider
{
    public const string Sqlite = "sqlite";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider)
        {
            case Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__latchkey_migrations"))
                    .AddInterceptors(SqliteConnectionSettings.Instance);
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider '{provider}'. Supported: {Sqlite}.");
        }
    }

    public static void ConfigureConventions(string? providerName, ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare DateTimeOffset stored as text; as UTC ticks they order and compare correctly.
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// <summary>Applies the migrations (creating the schema on first start); WAL lets readers run beside the single writer.</summary>
    public static async Task InitializeAsync(LatchkeyDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
