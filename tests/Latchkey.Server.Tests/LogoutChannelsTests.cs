using System.Diagnostics;
using System.Net;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>OpenID Connect Back-Channel Logout 1.0 and Front-Channel Logout 1.0, triggered by RP-initiated logout.</summary>
public sealed class LogoutChannelsTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string Bye = "https://client.example/bye";

    private Task RegisterAsync(string clientId, string? backchannel, string? frontchannel) =>
        RegisterAsync(server, clientId, backchannel, frontchannel);

    private static async Task RegisterAsync(LatchkeyServer on, string clientId, string? backchannel, string? frontchannel) =>
        await on.Services.GetRequiredService<AdminRepository>().SaveClientAsync("test", new ClientRegistration
        {
            ClientId = clientId, ChosenSecret = TestRealm.WebSecret, RedirectUris = [TestRealm.WebRedirect],
            PostLogoutRedirectUris = [Bye], ConsentRequired = false, AllowedScopes = ["openid"],
            BackchannelLogoutUri = backchannel, FrontchannelLogoutUri = frontchannel,
        }, default);

    private static string LogoutUrl(string idToken) =>
        $"/realms/test/logout?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(Bye)}&state=st";

    [Fact]
    public async Task Each_client_of_the_session_gets_a_logout_token_without_slowing_the_logout_page()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await RegisterAsync("bc-app", receiver.Uri, null);
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid", clientId: "bc-app");

        var watch = Stopwatch.StartNew();
        var response = await browser.GetAsync(LogoutUrl(tokens.IdToken!));
        Assert.Equal($"{Bye}?state=st", response.Headers.Location!.OriginalString);

        var logoutToken = await receiver.WaitForTokenAsync(TimeSpan.FromSeconds(10));
        var validated = await Jwt.ValidateAsync(browser, logoutToken, "bc-app", "logout+jwt");
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var claims = Jwt.Payload(logoutToken);
        var idClaims = Jwt.Payload(tokens.IdToken!);
        Assert.Equal(idClaims.GetProperty("sid").GetString(), claims.GetProperty("sid").GetString());
        Assert.Equal(idClaims.GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.True(claims.GetProperty("events").TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _));
        Assert.True(claims.TryGetProperty("jti", out _));
        Assert.False(claims.TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried()
    {
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 1);
        await RegisterAsync("bc-flaky", receiver.Uri, null);
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid", clientId: "bc-flaky");
        await browser.GetAsync(LogoutUrl(tokens.IdToken!));
        await receiver.WaitForTokenAsync(TimeSpan.FromSeconds(10));
        Assert.True(receiver.Attempts >= 2);
    }

    [Fact]
    public async Task A_delivery_owed_when_the_node_stops_is_made_by_the_next_node_on_the_same_database()
    {
        var data = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: int.MaxValue);
        var first = new LatchkeyServerOn(data);
        await first.InitializeAsync();
        await RegisterAsync(first, "bc-durable", receiver.Uri, null);
        using var browser = first.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid", clientId: "bc-durable");
        await browser.GetAsync(LogoutUrl(tokens.IdToken!));
        for (var wait = 0; receiver.Attempts == 0 && wait < 100; wait++) await Task.Delay(100);
        Assert.True(receiver.Attempts >= 1, "the first node tried");
        await first.DisposeAsync(); // stops with the delivery still owed (the client was down)

        receiver.Recover();
        var second = new LatchkeyServerOn(data);
        try
        {
            await second.InitializeAsync();
            var logoutToken = await receiver.WaitForTokenAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(Jwt.Payload(tokens.IdToken!).GetProperty("sid").GetString(), Jwt.Payload(logoutToken).GetProperty("sid").GetString());
        }
        finally
        {
            await second.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Clients_that_were_not_in_the_session_are_not_told()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await RegisterAsync("bc-absent", receiver.Uri, null);
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        await browser.GetAsync(LogoutUrl(tokens.IdToken!));
        await Task.Delay(1500);
        Assert.Equal(0, receiver.Attempts);
    }

    [Fact]
    public async Task Front_channel_clients_get_an_iframe_with_iss_and_sid_before_the_browser_moves_on()
    {
        await RegisterAsync("fc-app", null, "https://front.example/fc");
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid", clientId: "fc-app");
        var page = await browser.GetAsync(LogoutUrl(tokens.IdToken!));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var sid = Jwt.Payload(tokens.IdToken!).GetProperty("sid").GetString();
        Assert.Contains($"https://front.example/fc?iss={Uri.EscapeDataString(server.Issuer)}&sid={Uri.EscapeDataString(sid!)}", html);
        Assert.Contains($"url={Bye}?state=st", html);
        Assert.Contains("frame-src https://front.example", page.Headers.GetValues("Content-Security-Policy").Single());
    }
}
