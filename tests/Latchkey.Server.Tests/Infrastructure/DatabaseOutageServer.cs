namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>
/// A Latchkey whose SQLite file the test can take away and give back while it runs. Pooling is off in its connection
/// string: a pooled Microsoft.Data.Sqlite connection keeps the file it first opened (its inode) and would go on
/// reading the moved file, so only fresh connections see what the test did. The directory cache is off, so every
/// request really asks the database. Commands give up after a second, so a locked database is quickly a 503.
/// </summary>
public sealed class DatabaseOutageServer : LatchkeyServer
{
    public DatabaseOutageServer() : this(new Dictionary<string, string>()) { }

    private DatabaseOutageServer(Dictionary<string, string> settings) : base(settings)
    {
        DatabaseFile = Path.Combine(DataDirectory, "outage.db");
        settings["Latchkey:Storage:ConnectionString"] = $"Data Source={DatabaseFile};Pooling=False";
        settings["Latchkey:DirectoryCacheSeconds"] = "0";
        settings["Latchkey:Storage:CommandTimeoutSeconds"] = "1";
    }

    public string DatabaseFile { get; }

    private string Aside => DatabaseFile + ".aside";

    /// <summary>The file becomes garbage: every query fails with SQLite's "file is not a database" (error 26).</summary>
    public void BreakDatabase()
    {
        File.Move(DatabaseFile, Aside);
        foreach (var suffix in new[] { "-wal", "-shm" })
            if (File.Exists(DatabaseFile + suffix)) File.Move(DatabaseFile + suffix, Aside + suffix, overwrite: true);
        File.WriteAllBytes(DatabaseFile, Enumerable.Repeat((byte)'x', 8192).ToArray());
    }

    /// <summary>Another connection holds SQLite's write lock (in WAL mode readers go on) until the returned connection is disposed.</summary>
    public Microsoft.Data.Sqlite.SqliteConnection LockDatabase()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return connection;
    }

    public void RestoreDatabase()
    {
        File.Move(Aside, DatabaseFile, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(DatabaseFile + suffix)) File.Delete(DatabaseFile + suffix);
            if (File.Exists(Aside + suffix)) File.Move(Aside + suffix, DatabaseFile + suffix);
        }
    }
}
