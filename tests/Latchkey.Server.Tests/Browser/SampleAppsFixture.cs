using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// Latchkey on localhost with the sample WebApp registered as a confidential client, and the two samples
/// running against it as real processes, configured only through their documented environment variables.
/// </summary>
public sealed class SampleAppsFixture : IAsyncLifetime
{
    public const string ClientId = "sample-webapp";
    public const string ClientName = "Sample WebApp";
    private const string ClientSecret = "sample-webapp-secret";

    /// <summary>
    /// Just over the WebApp's 5 s refresh leeway (TokenRefresher.ExpiryLeeway): its first API call uses the
    /// token from sign-in, and a call a second later must refresh. The WebApp cannot see the server's
    /// movable clock, so real time has to pass.
    /// </summary>
    public const int AccessTokenLifetimeSeconds = 6;

    private SampleProcess? _api;
    private SampleProcess? _webApp;

    public LatchkeyServer Latchkey { get; } = new LocalhostLatchkeyServer();
    public SampleProcess WebApp => _webApp!;

    public async Task InitializeAsync()
    {
        await Latchkey.InitializeAsync();
        var webUrl = $"http://localhost:{FreePort.Next()}";
        await Latchkey.Services.GetRequiredService<AdminRepository>().SaveClientAsync(TestRealm.Name, new ClientRegistration
        {
            ClientId = ClientId,
            DisplayName = ClientName,
            ChosenSecret = ClientSecret,
            RedirectUris = [webUrl + "/signin-oidc"],
            PostLogoutRedirectUris = [webUrl + "/signout-callback-oidc"],
            AllowedScopes = ["openid", "profile", "email", "offline_access", "api"],
            AccessTokenLifetimeSeconds = AccessTokenLifetimeSeconds,
        }, CancellationToken.None);

        try
        {
            _api = SampleProcess.Start("ResourceApi", FreePort.Next(), new Dictionary<string, string>
            {
                ["Latchkey__Authority"] = Latchkey.Issuer,
                ["Latchkey__Audience"] = "test-api",
                ["Latchkey__ClockSkewSeconds"] = "0",
            });
            _webApp = SampleProcess.Start("WebApp", new Uri(webUrl).Port, new Dictionary<string, string>
            {
                ["Latchkey__Authority"] = Latchkey.Issuer,
                ["Latchkey__ClientId"] = ClientId,
                ["Latchkey__ClientSecret"] = ClientSecret,
                ["Latchkey__ApiBaseUrl"] = _api.BaseUrl,
            });
            await Task.WhenAll(_api.WaitUntilReadyAsync("/health"), _webApp.WaitUntilReadyAsync("/"));
        }
        catch
        {
            StopSamples();
            throw;
        }
    }

    /// <summary>Runs a test and, if it fails, adds what the samples printed to the failure message.</summary>
    public async Task WithSampleOutputOnFailureAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception e)
        {
            throw new XunitException(
                $"{e.Message}\n\n--- WebApp output ---\n{_webApp?.Output}\n--- ResourceApi output ---\n{_api?.Output}", e);
        }
    }

    public async Task DisposeAsync()
    {
        StopSamples();
        await Latchkey.DisposeAsync();
    }

    private void StopSamples()
    {
        _webApp?.Dispose();
        _api?.Dispose();
    }
}
