using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>
/// A real Latchkey on a loopback port with its own SQLite file, loaded through the import file.
/// Tests speak HTTP to it and nothing else.
/// </summary>
public class LatchkeyServer : IAsyncLifetime
{
    private readonly Dictionary<string, string> _settings;
    private WebApplication? _app;

    public LatchkeyServer() : this(new Dictionary<string, string>()) { }

    protected LatchkeyServer(Dictionary<string, string> settings) => _settings = settings;

    public MovableClock Clock { get; } = new();
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public string Issuer => IssuerOf(TestRealm.Name);
    public string IssuerOf(string realm) => $"{BaseUrl}/realms/{realm}";
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var import = Path.Combine(DataDirectory, "import.json");
        await File.WriteAllTextAsync(import, TestRealm.ImportJson);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Latchkey:DataDirectory={DataDirectory}",
            "--Latchkey:DemoRealm=",
            "--Latchkey:LoginThrottle:IpFailuresBeforeLock=1000",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(_settings.Select(s => $"--{s.Key}={s.Value}"));
        _app = LatchkeyHost.Build(args.ToArray(), services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(ErrorLog);
        });
        await LatchkeyHost.InitializeAsync(_app, import, TextWriter.Null, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/');
    }

    public ServerErrorLog ErrorLog { get; } = new();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        if (ErrorLog.Errors.Count > 0)
            throw new InvalidOperationException("The server logged errors during the tests:\n" + string.Join("\n", ErrorLog.Errors));
    }

    /// <summary>Runs `latchkey ARGS…` against this server's services, as the command line would; asserts exit code 0.</summary>
    public async Task<string> RunCliAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await new Admin.CommandLine(Services, output).RunAsync(args.ToList());
        Assert.True(exit == 0, output.ToString());
        return output.ToString();
    }

    /// <summary>A browser-like client: its own cookie jar, no automatic redirects so each hop is asserted.</summary>
    public OAuthTestClient NewClient(string realm = TestRealm.Name)
    {
        var cookies = new CookieContainer();
        return new(this, realm, cookies, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = new Uri(BaseUrl),
        });
    }
}
