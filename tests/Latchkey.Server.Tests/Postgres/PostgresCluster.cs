using System.Diagnostics;
using Latchkey.Server.Tests.Browser;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster started by tests/postgres/start.sh in a temporary directory and stopped (and
/// deleted) by stop.sh. In CI (CI=true) a cluster that cannot start fails the tests; elsewhere, a machine without
/// the Debian package skips them with a note, so a missing server is never mistaken for a pass in CI.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine("/tmp", "latchkey-pg-" + Guid.NewGuid().ToString("N")[..12]);

    public int Port { get; private set; }
    /// <summary>Why the cluster is not running; null when it is.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>A connection string for a database of its own (created by the first migration).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        var (code, stdout, stderr) = await RunAsync("start.sh", _directory, FreePort.Next().ToString());
        if (code == 0 && int.TryParse(stdout.Trim(), out var port))
        {
            Port = port;
            return;
        }
        var output = stdout + stderr;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"CI=true and PostgreSQL could not be started (exit {code}):\n{output}");
        Unavailable = $"PostgreSQL tests skipped: tests/postgres/start.sh exited {code} (install Debian's postgresql).\n{output}";
    }

    public async Task DisposeAsync() => await RunAsync("stop.sh", _directory);

    /// <summary>Stops the server as a crash would, keeping its data (tests/postgres/kill.sh).</summary>
    public async Task KillAsync() => await RunCheckedAsync("kill.sh", _directory);

    /// <summary>Starts a killed server again on its port (tests/postgres/restart.sh).</summary>
    public async Task RestartAsync() => await RunCheckedAsync("restart.sh", _directory, Port.ToString());

    private static async Task RunCheckedAsync(string script, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(script, args);
        if (code != 0) throw new InvalidOperationException($"tests/postgres/{script} exited {code}:\n{stdout}{stderr}");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(SampleProcess.RepositoryRoot(), "tests", "postgres", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
