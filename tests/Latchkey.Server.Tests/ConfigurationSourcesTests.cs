using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Latchkey.Server.Tests;

/// <summary>
/// The built latchkey executable reads settings the ASP.NET Core way: environment variables with "__" for ":",
/// and command-line arguments over them. Run as a child process, so no variable leaks into the other tests.
/// </summary>
public sealed class ConfigurationSourcesTests
{
    [Fact]
    public async Task Environment_variables_configure_the_server_and_the_command_line_overrides_them()
    {
        var port = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        var dll = LatchkeyDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, $"--urls=http://127.0.0.1:{port}", "--Latchkey:Metrics:Path=/from-command-line" }) start.ArgumentList.Add(arg);
        start.Environment["Latchkey__PublicUrl"] = "https://id.example.test";
        start.Environment["Latchkey__DataDirectory"] = directory;
        start.Environment["Latchkey__DemoRealm"] = "configured";
        start.Environment["Latchkey__Metrics__Path"] = "/from-environment";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilLiveAsync(http, process, output);

            var discovery = await http.GetFromJsonAsync<JsonElement>("/realms/configured/.well-known/openid-configuration");
            Assert.Equal("https://id.example.test/realms/configured", discovery.GetProperty("issuer").GetString());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/from-command-line")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/from-environment")).StatusCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"latchkey exited with {process.ExitCode}:\n{output}");
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"latchkey did not answer within 60 s:\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LatchkeyDll()
    {
        var configuration = typeof(ConfigurationSourcesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "Latchkey.Server", "bin", configuration, "net10.0", "latchkey.dll");
            if (File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing.");
        }
        throw new InvalidOperationException($"No Latchkey.slnx above {AppContext.BaseDirectory}.");
    }
}
