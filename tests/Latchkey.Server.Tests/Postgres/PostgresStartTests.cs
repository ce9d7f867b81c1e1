using Latchkey.Server.Admin;
using Xunit.Abstractions;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>With PostgreSQL the server never migrates by itself: it refuses an outdated schema and names the command.</summary>
public sealed class PostgresStartTests(PostgresCluster cluster, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task An_unmigrated_database_stops_the_start_with_the_command_to_run_and_latchkey_migrate_fixes_it()
    {
        if (cluster.Unavailable is not null)
        {
            output.WriteLine(cluster.Unavailable);
            return;
        }
        var data = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--Latchkey:DataDirectory={data}", "--Latchkey:Storage:Provider=postgres",
            $"--Latchkey:Storage:ConnectionString={cluster.ConnectionString("latchkey_start")}", "--Logging:LogLevel:Default=None",
        ];
        await using var app = LatchkeyHost.Build(args);

        var refused = await Assert.ThrowsAsync<AdminException>(() => LatchkeyHost.InitializeAsync(app, null, TextWriter.Null, default));
        Assert.Contains("latchkey migrate", refused.Message);

        var console = new StringWriter();
        await LatchkeyHost.MigrateAsync(app, console, default);
        Assert.StartsWith("applied ", console.ToString());
        await LatchkeyHost.InitializeAsync(app, null, console, default);
        Assert.Contains("demo realm 'demo' created", console.ToString());
        Directory.Delete(data, recursive: true);
    }
}
