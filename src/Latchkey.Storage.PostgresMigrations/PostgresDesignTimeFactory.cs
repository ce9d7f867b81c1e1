using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Latchkey.Storage.PostgresMigrations;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/Latchkey.Storage.PostgresMigrations` build the PostgreSQL model
/// without the host; adding a migration never connects, so the connection string is only a placeholder.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<LatchkeyDbContext>
{
    public LatchkeyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LatchkeyDbContext>();
        StorageProvider.Configure(options, StorageProvider.Postgres, "Host=localhost;Database=latchkey_design_time");
        return new LatchkeyDbContext(options.Options);
    }
}
