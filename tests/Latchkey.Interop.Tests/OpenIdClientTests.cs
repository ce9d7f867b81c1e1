using System.Text.Json;
using Latchkey.Interop.Tests.Infrastructure;
using Latchkey.Interop.Tests.Matrix;
using Latchkey.Server.Tests.Browser;
using Xunit.Abstractions;

namespace Latchkey.Interop.Tests;

/// <summary>openid-client (npm, the certified relying party) against Latchkey; one node script per flow.</summary>
[Collection(InteropCollection.Name)]
public sealed class OpenIdClientTests(ChromiumFixture chromium, InteropFixture interop, ITestOutputHelper output)
{
    private const string Scope = "openid profile email offline_access api";
    private static readonly InteropClient Client = InteropFixture.OpenIdClient;

    [Fact]
    public Task Discovery() => Cell(Flow.Discovery, async () =>
    {
        var result = await RunAsync("discovery.mjs");
        Assert.Equal(interop.Issuer, result.GetProperty("issuer").GetString());
    });

    [Fact]
    public Task Code_flow_with_pkce_in_chromium() => Cell(Flow.CodePkce, async () =>
    {
        var login = await LoginAsync("first");
        Assert.Equal(interop.Issuer, login.GetProperty("iss").GetString());
        Assert.Equal(interop.Issuer, login.GetProperty("iss_in_callback").GetString());
        Assert.Equal("OAUTH_INVALID_RESPONSE", login.GetProperty("iss_refused").GetProperty("code").GetString());
        Assert.Equal(Client.ClientId, login.GetProperty("access_token_claims").GetProperty("client_id").GetString());
    });

    [Fact]
    public Task Hybrid_flow_in_chromium() => Cell(Flow.Hybrid, async () =>
    {
        var hybrid = InteropFixture.OpenIdClientHybrid;
        var result = await RunAsync("hybrid.mjs", new() { ["CLIENT_ID"] = hybrid.ClientId, ["REDIRECT_URI"] = hybrid.RedirectUri, ["SCOPE"] = "openid profile" },
            VisitAndRecord(out _, hybrid.RedirectUri));
        Assert.Contains("id_token", result.GetProperty("front_channel").EnumerateArray().Select(e => e.GetString()));
    });

    [Fact]
    public Task Implicit_flow_in_chromium() => Cell(Flow.Implicit, async () =>
    {
        var implicitClient = InteropFixture.OpenIdClientImplicit;
        var result = await RunAsync("implicit.mjs", new() { ["CLIENT_ID"] = implicitClient.ClientId, ["REDIRECT_URI"] = implicitClient.RedirectUri },
            VisitAndRecord(out _, implicitClient.RedirectUri));
        Assert.Equal(interop.Issuer, result.GetProperty("iss_in_fragment").GetString());
    });

    [Fact]
    public Task Refresh_rotates() => Cell(Flow.Refresh, async () =>
    {
        var login = await LoginAsync("refresh");
        await RunAsync("refresh.mjs", Tokens(login));
    });

    [Fact]
    public Task Client_credentials() => Cell(Flow.ClientCredentials, async () =>
    {
        var result = await RunAsync("client-credentials.mjs", new()
        {
            ["CLIENT_ID"] = InteropFixture.Service, ["CLIENT_SECRET"] = InteropFixture.ServiceSecret,
        });
        var claims = result.GetProperty("access_token_claims");
        Assert.Equal(InteropFixture.Service, claims.GetProperty("client_id").GetString());
        Assert.Equal("api", result.GetProperty("scope").GetString());
    });

    [Fact]
    public Task Client_credentials_with_private_key_jwt() => Cell(Flow.PrivateKeyJwt, async () =>
    {
        var result = await RunAsync("client-credentials-private-key-jwt.mjs", new()
        {
            ["CLIENT_ID"] = InteropFixture.PrivateKeyJwtService,
            ["PRIVATE_JWK"] = JsonSerializer.Serialize(Latchkey.Server.Tests.Infrastructure.ClientAssertions.PrivateJwk(
                Latchkey.Server.Tests.Infrastructure.ClientAssertions.Ec)),
        });
        Assert.Equal(InteropFixture.PrivateKeyJwtService, result.GetProperty("access_token_claims").GetProperty("client_id").GetString());
    });

    [Fact]
    public Task Client_credentials_with_client_secret_jwt() => Cell(Flow.ClientSecretJwt, async () =>
    {
        var result = await RunAsync("client-credentials-client-secret-jwt.mjs", new()
        {
            ["CLIENT_ID"] = InteropFixture.ClientSecretJwtService, ["CLIENT_SECRET"] = Latchkey.Server.Tests.Infrastructure.ClientAssertions.JwtSecret,
        });
        Assert.Equal(InteropFixture.ClientSecretJwtService, result.GetProperty("access_token_claims").GetProperty("client_id").GetString());
    });

    [Fact]
    public Task UserInfo() => Cell(Flow.UserInfo, async () =>
    {
        var login = await LoginAsync("first");
        var result = await RunAsync("userinfo.mjs", Tokens(login));
        Assert.Equal(login.GetProperty("sub").GetString(), result.GetProperty("userinfo").GetProperty("sub").GetString());
    });

    [Fact]
    public Task Introspection() => Cell(Flow.Introspection, async () =>
    {
        var login = await LoginAsync("first");
        var result = await RunAsync("introspection.mjs", Tokens(login));
        Assert.Equal(interop.Issuer, result.GetProperty("access").GetProperty("iss").GetString());
    });

    [Fact]
    public Task Revocation() => Cell(Flow.Revocation, async () =>
    {
        var login = await LoginAsync("revocation");
        await RunAsync("revocation.mjs", Tokens(login));
    });

    [Fact]
    public Task Logout_in_chromium() => Cell(Flow.Logout, async () =>
    {
        var login = await LoginAsync("logout");
        await RunAsync("logout.mjs", Tokens(login), VisitAndRecord(out _));
        // The session is gone: the next authorization asks for the password again.
        await RunAsync("code-pkce.mjs", new() { ["SCOPE"] = "openid offline_access" }, VisitAndRecord(out var visits));
        Assert.True(visits[^1].SignedIn, "after logout Latchkey let the browser through without signing in");
    });

    [Fact]
    public Task Device_authorization() => Cell(Flow.Device, async () =>
    {
        var result = await RunAsync("device.mjs", new() { ["CLIENT_ID"] = InteropFixture.OpenIdClientDevice, ["CLIENT_SECRET"] = "" }, async url =>
        {
            var userCode = Uri.UnescapeDataString(new Uri(url).Query.Split("user_code=")[1]);
            await ApprovalPages.ApproveDeviceAsync(interop.Server, url, Client.Username, userCode);
            return url;
        });
        Assert.Equal(InteropFixture.OpenIdClientDevice, result.GetProperty("id_token_claims").GetProperty("aud").GetString());
    });

    [Fact]
    public Task Ciba_poll_mode() => Cell(Flow.Ciba, async () =>
    {
        const string message = "openid-client interop";
        var result = await RunAsync("ciba.mjs", new() { ["CLIENT_ID"] = InteropFixture.OpenIdClientCiba, ["BINDING_MESSAGE"] = message }, async url =>
        {
            await ApprovalPages.ApproveCibaAsync(interop.Server, Client.Username, message);
            return url;
        });
        Assert.Equal(InteropFixture.OpenIdClientCiba, result.GetProperty("id_token_claims").GetProperty("aud").GetString());
        Assert.Equal(InteropFixture.OpenIdClientCiba, result.GetProperty("access_token_claims").GetProperty("client_id").GetString());
    });

    /// <summary>A grant of this client's person, obtained once per key through openid-client in Chromium.</summary>
    private Task<JsonElement> LoginAsync(string key) =>
        interop.OnceAsync($"openid-client:{key}", () => RunAsync("code-pkce.mjs", new() { ["SCOPE"] = Scope }, VisitAndRecord(out _)));

    private Func<string, Task<string>> VisitAndRecord(out List<BrowserUser.Visit> visits, string? redirectUri = null)
    {
        var seen = visits = [];
        var person = interop.PersonOf(Client, chromium);
        return async url =>
        {
            var target = url.StartsWith(interop.Issuer + "/logout", StringComparison.Ordinal) ? Client.PostLogoutRedirectUri : redirectUri ?? Client.RedirectUri;
            var visit = await person.VisitAsync(url, target);
            seen.Add(visit);
            return visit.Reached.ToString();
        };
    }

    private static Dictionary<string, string> Tokens(JsonElement login) => new()
    {
        ["ACCESS_TOKEN"] = login.GetProperty("access_token").GetString()!,
        ["REFRESH_TOKEN"] = login.GetProperty("refresh_token").GetString()!,
        ["ID_TOKEN"] = login.GetProperty("id_token").GetString()!,
        ["EXPECTED_SUB"] = login.GetProperty("sub").GetString()!,
    };

    private Task<JsonElement> RunAsync(string script, Dictionary<string, string>? settings = null, Func<string, Task<string>>? browse = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["LATCHKEY_ISSUER"] = interop.Issuer,
            ["CLIENT_ID"] = Client.ClientId,
            ["CLIENT_SECRET"] = InteropFixture.Secret,
            ["REDIRECT_URI"] = Client.RedirectUri,
            ["POST_LOGOUT_REDIRECT_URI"] = Client.PostLogoutRedirectUri,
            ["USERNAME"] = Client.Username,
        };
        foreach (var (key, value) in settings ?? []) environment[key] = value;
        return NodeScenario.RunAsync(Path.Combine("openid-client", script), environment, output, browse);
    }

    private static Task Cell(string flow, Func<Task> body) => InteropMatrix.RunAsync(StockClient.OpenIdClient, flow, body);
}
