using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>OpenID Connect RP-Initiated Logout 1.0 at /logout.</summary>
public sealed class LogoutTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string Bye = "https://client.example/bye";

    private static string LogoutUrl(params (string Name, string Value)[] parameters) =>
        "/realms/test/logout?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static async Task<bool> SignedInAsync(OAuthTestClient browser)
    {
        var response = await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid")));
        return !response.Headers.Location!.OriginalString.StartsWith("/realms/test/login");
    }

    [Fact]
    public async Task Valid_hint_signs_out_at_once_and_returns_with_state()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        var response = await browser.GetAsync(LogoutUrl(("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", Bye), ("state", "s 1")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Bye}?state=s%201", response.Headers.Location!.OriginalString);
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Expired_hint_is_still_accepted()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        server.Clock.Advance(TimeSpan.FromHours(1));
        var response = await browser.GetAsync(LogoutUrl(("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", Bye)));
        Assert.Equal(Bye, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_a_hint_the_user_confirms_and_a_forged_confirmation_is_refused()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid");
        var page = await browser.GetAsync(LogoutUrl(("client_id", "web"), ("post_logout_redirect_uri", Bye)));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sign out?", html);
        Assert.True(await SignedInAsync(browser));

        var forged = await browser.Http.PostAsync("/realms/test/logout/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await SignedInAsync(browser));

        var confirmed = await browser.Http.PostAsync("/realms/test/logout/confirm", OAuthTestClient.Form(html));
        Assert.Equal(Bye, confirmed.Headers.Location!.OriginalString);
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Hint_from_an_earlier_session_of_the_same_user_asks_first()
    {
        using var browser = server.NewClient();
        var old = await browser.CodeFlowAsync(scope: "openid");
        await browser.GetAsync(LogoutUrl(("id_token_hint", old.IdToken!)));
        await browser.CodeFlowAsync(scope: "openid");
        var page = await browser.GetAsync(LogoutUrl(("id_token_hint", old.IdToken!)));
        Assert.Contains("Sign out?", await page.Content.ReadAsStringAsync());
        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Hint_for_another_user_asks_first()
    {
        using var alice = server.NewClient();
        var aliceTokens = await alice.CodeFlowAsync(scope: "openid");
        using var bob = server.NewClient();
        await bob.CodeFlowAsync(scope: "openid", username: "bob");
        var page = await bob.GetAsync(LogoutUrl(("id_token_hint", aliceTokens.IdToken!)));
        Assert.Contains("Sign out?", await page.Content.ReadAsStringAsync());
        Assert.True(await SignedInAsync(bob));
    }

    [Theory]
    [InlineData("https://evil.example/bye")]
    [InlineData("https://client.example/bye/")]
    public async Task Unregistered_post_logout_redirect_uri_is_an_error_page_and_nothing_happens(string uri)
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        var response = await browser.GetAsync(LogoutUrl(("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", uri)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Garbage_or_foreign_hints_and_mismatched_client_are_error_pages()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        using var es = server.NewClient("es");
        var foreign = await es.CodeFlowAsync(scope: "openid");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(LogoutUrl(("id_token_hint", "garbage")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(LogoutUrl(("id_token_hint", foreign.IdToken!)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(LogoutUrl(("id_token_hint", tokens.IdToken!), ("client_id", "spa")))).StatusCode);
        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Without_a_session_it_just_returns_and_post_works_too()
    {
        using var browser = server.NewClient();
        var response = await browser.Http.PostAsync("/realms/test/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "web", ["post_logout_redirect_uri"] = Bye, ["state"] = "x",
        }));
        Assert.Equal($"{Bye}?state=x", response.Headers.Location!.OriginalString);
        var bare = await browser.GetAsync("/realms/test/logout");
        Assert.Contains("You are signed out", await bare.Content.ReadAsStringAsync());
    }
}
