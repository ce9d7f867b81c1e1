using System.Diagnostics;
using System.Net;
using Latchkey.Server.Tests.Browser;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// Two Latchkey processes (src/Latchkey.Server's build output) on two loopback ports, sharing one PostgreSQL
/// database and one issuer, each with a data directory of its own: whatever a flow needs must be in the database.
/// The schema is brought up by `latchkey migrate`; both nodes then start at the same moment with the same import.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public const string Realm = "multi";
    public const string Password = "correct horse battery staple";
    public const string WebSecret = "multi-node-web-secret";
    public const string Redirect = "https://client.example/cb";
    public const int GraceSeconds = 30;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "latchkey-nodes", Guid.NewGuid().ToString("N"));
    private SampleProcess? _a, _b;

    public PostgresCluster Cluster { get; } = new();
    public string A => _a!.BaseUrl;
    public string B => _b!.BaseUrl;
    /// <summary>The one issuer both nodes serve, as behind a load balancer.</summary>
    public string Issuer => $"{A}/realms/{Realm}";

    public static string ImportJson => $$"""
    {
      "realms": [{
        "name": "{{Realm}}",
        "clients": [
          { "clientId": "web", "secret": "{{WebSecret}}", "redirectUris": ["{{Redirect}}"],
            "allowedScopes": ["openid", "profile", "email", "offline_access"] },
          { "clientId": "spa", "type": "public", "redirectUris": ["{{Redirect}}"], "consentRequired": false,
            "allowedScopes": ["openid", "offline_access"] },
          { "clientId": "spa-grace", "type": "public", "redirectUris": ["{{Redirect}}"], "consentRequired": false,
            "refreshTokenReuseGraceSeconds": {{GraceSeconds}}, "allowedScopes": ["openid", "offline_access"] }
        ],
        "users": [ { "username": "alice", "password": "{{Password}}", "email": "alice@example.com", "givenName": "Alice" } ]
      }]
    }
    """;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        if (Cluster.Unavailable is not null) return;
        Directory.CreateDirectory(_root);
        var import = Path.Combine(_root, "import.json");
        await File.WriteAllTextAsync(import, ImportJson);
        var connection = Cluster.ConnectionString("latchkey_nodes");
        await MigrateAsync(connection);

        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        _a = Start("node-a", portA, portA, connection, import);
        _b = Start("node-b", portB, portA, connection, import);
        var discovery = $"/realms/{Realm}/.well-known/openid-configuration";
        await Task.WhenAll(_a.WaitUntilReadyAsync(discovery), _b.WaitUntilReadyAsync(discovery));
    }

    public async Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        // An error a node logged is a bug even when every assertion passed (as ServerErrorLog does in-process).
        var errors = new[] { _a, _b }.Where(n => n is not null && Logged(n.Output)).Select(n => $"{n!.Name}:\n{n.Output}").ToArray();
        if (errors.Length > 0) throw new InvalidOperationException("A node logged errors during the tests:\n" + string.Join("\n", errors));
    }

    private static bool Logged(string output) => output.Contains("fail:", StringComparison.Ordinal) || output.Contains("crit:", StringComparison.Ordinal);

    private static string[] Settings(string connection) =>
    [
        "--Latchkey:Storage:Provider=postgres", $"--Latchkey:Storage:ConnectionString={connection}",
        "--Latchkey:DemoRealm=", "--Latchkey:LoginThrottle:IpFailuresBeforeLock=1000", "--Logging:LogLevel:Default=Warning",
    ];

    private SampleProcess Start(string name, int port, int issuerPort, string connection, string import)
    {
        var data = Path.Combine(_root, name);
        Directory.CreateDirectory(data);
        string[] args = [.. Settings(connection), $"--Latchkey:DataDirectory={data}", $"--Latchkey:PublicUrl=http://127.0.0.1:{issuerPort}", "--import", import];
        return SampleProcess.StartDll(name, LatchkeyDll, $"http://127.0.0.1:{port}", args, new Dictionary<string, string>());
    }

    private static string LatchkeyDll => SampleProcess.BuildOutput(Path.Combine("src", "Latchkey.Server"), "latchkey.dll");

    private static async Task MigrateAsync(string connection)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { LatchkeyDll, "migrate" }.Concat(Settings(connection))) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"latchkey migrate exited {process.ExitCode}:\n{await output}{await error}");
    }

    /// <summary>A browser and client app in one: cookies shared by both nodes (same host), no automatic redirects.</summary>
    public static HttpClient NewBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { Timeout = TimeSpan.FromSeconds(60) };
}
