using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// One of the samples (samples/&lt;Name&gt;), run from its build output as a child process on
/// http://localhost:&lt;port&gt;. The test project references the samples without loading them, so
/// building the tests builds them. Everything the process prints is kept for failure messages.
/// </summary>
public sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(string name, string baseUrl, Process process)
    {
        Name = name;
        BaseUrl = baseUrl;
        _process = process;
    }

    public string Name { get; }
    public string BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static SampleProcess Start(string name, int port, IReadOnlyDictionary<string, string> environment) =>
        StartDll(name, SampleDll(name), $"http://localhost:{port}", [], environment);

    /// <summary>Any program of the repository from its build output (<paramref name="dll"/>), on <paramref name="baseUrl"/>.</summary>
    public static SampleProcess StartDll(string name, string dll, string baseUrl, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, $"--urls={baseUrl}" }.Concat(arguments)) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var sample = new SampleProcess(name, baseUrl, new Process { StartInfo = start });
        sample._process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.Start();
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Polls an anonymous page until it answers; fails at once if the process exits.</summary>
    public async Task WaitUntilReadyAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it answered.\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} did not answer {BaseUrl}{path} within 30 s.\n{Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { } // never started, or already gone
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static string SampleDll(string name) => BuildOutput(Path.Combine("samples", name), name + ".dll");

    /// <summary>A project's dll in its own build output, built with the tests' configuration.</summary>
    public static string BuildOutput(string projectDirectory, string dllName)
    {
        var configuration = typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0", dllName);
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing. Building Latchkey.Server.Tests builds the samples; build it first.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Latchkey.slnx above {AppContext.BaseDirectory}.");
    }
}
