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

    private async Task RegisterAsync(string clientId, string? backchannel, string? frontchannel) =>
        await server.Services.GetRequiredService<AdminRepository>().SaveClientAsync("test", new ClientRegistration
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
