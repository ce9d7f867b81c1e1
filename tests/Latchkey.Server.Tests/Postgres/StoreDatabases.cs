using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>One migrated database per provider, SQLite (a temporary file) and PostgreSQL (a throwaway cluster).</summary>
public sealed class StoreDatabases : IAsyncLifetime
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), "latchkey-stores-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<ServiceProvider> _providers = [];
    private readonly Dictionary<string, IDbContextFactory<LatchkeyDbContext>> _factories = [];

    public PostgresCluster Cluster { get; } = new();

    public IDbContextFactory<LatchkeyDbContext> this[string provider] => _factories[provider];

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await AddAsync(StorageProvider.Sqlite, $"Data Source={_sqliteFile}");
        if (Cluster.Unavailable is null) await AddAsync(StorageProvider.Postgres, Cluster.ConnectionString("latchkey_stores"));
    }

    private async Task AddAsync(string provider, string connection)
    {
        var services = new ServiceCollection()
            .AddPooledDbContextFactory<LatchkeyDbContext>(db => StorageProvider.Configure(db, provider, connection))
            .BuildServiceProvider();
        _providers.Add(services);
        var factory = services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>();
        await using (var db = await factory.CreateDbContextAsync()) await StorageProvider.MigrateAsync(db, CancellationToken.None);
        _factories[provider] = factory;
    }

    public async Task DisposeAsync()
    {
        foreach (var services in _providers) await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }) File.Delete(file);
        await Cluster.DisposeAsync();
    }
}
