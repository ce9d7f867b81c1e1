using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Latchkey.Storage;

/// <summary>Lets `dotnet ef migrations add X --project src/Latchkey.Storage` build the SQLite model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<LatchkeyDbContext>
{
    public LatchkeyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LatchkeyDbContext>();
        StorageProvider.Configure(options, StorageProvider.Sqlite, "Data Source=design-time.db");
        return new LatchkeyDbContext(options.Options);
    }
}
