using System.Text.Json;
using Latchkey.Interop.Tests.Infrastructure;
using Latchkey.Interop.Tests.Matrix;
using Latchkey.Server.Tests.Browser;
using Xunit.Abstractions;

namespace Latchkey.Interop.Tests;

/// <summary>oauth4webapi (npm) as a public SPA client and as a resource server; no DPoP.</summary>
[Collection(InteropCollection.Name)]
public sealed class OAuth4WebApiTests(ChromiumFixture chromium, InteropFixture interop, ITestOutputHelper output)
{
    private static readonly InteropClient Client = InteropFixture.OAuth4WebApi;

    [Fact]
    public Task Discovery() => Cell(Flow.Discovery, async () =>
    {
        var result = await RunAsync("discovery.mjs");
        Assert.Equal(interop.Issuer + "/jwks", result.GetProperty("jwks_uri").GetString());
    });

    /// <summary>RFC 9207 §2.4: validateAuthResponse compares iss with the discovered issuer, and refuses a forged or missing one.</summary>
    [Fact]
    public Task Code_flow_with_pkce_and_the_iss_check_in_chromium() => Cell(Flow.CodePkce, async () =>
    {
        var login = await LoginAsync();
        Assert.Equal(interop.Issuer, login.GetProperty("iss_in_callback").GetString());
        Assert.Equal("OAUTH_INVALID_RESPONSE", login.GetProperty("iss_refused").GetProperty("code").GetString());
        Assert.Equal("OAUTH_INVALID_RESPONSE", login.GetProperty("iss_missing_refused").GetProperty("code").GetString());
        Assert.Equal("openid profile api", login.GetProperty("scope").GetString());
    });

    [Fact]
    public Task Error_response_carries_iss_and_state() => Cell(Flow.ErrorResponse, async () =>
    {
        var person = interop.PersonOf(Client, chromium);
        var result = await RunAsync("error-response.mjs", browse: async url => (await person.VisitAsync(url, Client.RedirectUri)).Reached.ToString());
        Assert.Equal("login_required", result.GetProperty("error").GetString());
        Assert.Equal(interop.Issuer, result.GetProperty("iss_in_callback").GetString());
    });

    [Fact]
    public Task Jwt_access_token_at_a_resource_server() => Cell(Flow.JwtAccessToken, async () =>
    {
        var login = await LoginAsync();
        var result = await RunAsync("jwt-access-token.mjs", new()
        {
            ["ACCESS_TOKEN"] = login.GetProperty("access_token").GetString()!,
            ["ID_TOKEN"] = login.GetProperty("id_token").GetString()!,
            ["EXPECTED_SUB"] = login.GetProperty("sub").GetString()!,
            ["API_AUDIENCE"] = InteropFixture.Api,
        });
        Assert.Equal(interop.Issuer, result.GetProperty("claims").GetProperty("iss").GetString());
    });

    private Task<JsonElement> LoginAsync() => interop.OnceAsync("oauth4webapi:login", () =>
    {
        var person = interop.PersonOf(Client, chromium);
        return RunAsync("code-pkce.mjs", new() { ["SCOPE"] = "openid profile api" },
            async url => (await person.VisitAsync(url, Client.RedirectUri)).Reached.ToString());
    });

    private Task<JsonElement> RunAsync(string script, Dictionary<string, string>? settings = null, Func<string, Task<string>>? browse = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["LATCHKEY_ISSUER"] = interop.Issuer,
            ["CLIENT_ID"] = Client.ClientId,
            ["REDIRECT_URI"] = Client.RedirectUri,
        };
        foreach (var (key, value) in settings ?? []) environment[key] = value;
        return NodeScenario.RunAsync(Path.Combine("oauth4webapi", script), environment, output, browse);
    }

    private static Task Cell(string flow, Func<Task> body) => InteropMatrix.RunAsync(StockClient.OAuth4WebApi, flow, body);
}
