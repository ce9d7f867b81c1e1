using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// Runs one script of tests/interop-node/scenarios with node. The script learns the issuer and its client
/// from environment variables, prints one JSON object per line, and ends with <c>{"ok": true, ...}</c> (exit 0)
/// or <c>{"ok": false, "error": ...}</c> (exit 1). A line <c>{"browse": URL}</c> asks for the browser part
/// of a flow: the harness drives Chromium there and answers with the URL the browser reached, on stdin.
/// </summary>
public static class NodeScenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "interop-node");

    public static async Task<JsonElement> RunAsync(string script, IReadOnlyDictionary<string, string> environment,
        ITestOutputHelper output, Func<string, Task<string>>? browse = null)
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")))
            throw new InvalidOperationException($"{Directory}/node_modules is missing: run `npm ci` there (.ci/run and the test build do).");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("LATCHKEY_NODE") ?? "node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine("scenarios", script));
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var cancel = new CancellationTokenSource(Timeout);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        var transcript = new StringBuilder();
        JsonElement? result = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                transcript.AppendLine(line);
                if (!line.StartsWith('{')) continue;
                var message = JsonDocument.Parse(line).RootElement.Clone();
                if (message.TryGetProperty("browse", out var url))
                {
                    if (browse is null) throw new InvalidOperationException($"{script} asked for a browser, and this test gave it none.");
                    await process.StandardInput.WriteLineAsync(await browse(url.GetString()!));
                    await process.StandardInput.FlushAsync(cancel.Token);
                }
                else if (message.TryGetProperty("ok", out _))
                {
                    result = message;
                }
            }
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Timeout.TotalSeconds} s.\n{transcript}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var errors = await stderr;
        output.WriteLine($"node {script} → exit {process.ExitCode}\n{transcript}{errors}");
        if (process.ExitCode != 0 || result is not { } ok || !ok.GetProperty("ok").GetBoolean())
            throw new Xunit.Sdk.XunitException($"node {script} failed (exit {process.ExitCode}): {result?.ToString() ?? "no result line"}\n{errors}");
        return ok;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Latchkey.slnx above {AppContext.BaseDirectory}.");
    }
}
