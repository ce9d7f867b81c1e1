using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>The login page: generic failure message, throttling per user, disabled users, anti-forgery, frame-busting.</summary>
public sealed class LoginPageTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<string> LoginUrlAsync(OAuthTestClient browser, string? loginHint = null)
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid");
        if (loginHint is not null) request["login_hint"] = loginHint;
        var response = await browser.GetAsync(browser.AuthorizeUrl(request));
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_message()
    {
        using var browser = server.NewClient();
        var login = await LoginUrlAsync(browser);
        var wrongPassword = await browser.SubmitLoginAsync(login, "bob", "nope");
        var unknownUser = await browser.SubmitLoginAsync(login, "nobody-here", "nope");
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Contains("Invalid username or password.", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains("Invalid username or password.", await unknownUser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_user_even_with_the_right_password_until_the_wait_passes()
    {
        using var browser = server.NewClient();
        var login = await LoginUrlAsync(browser);
        for (var i = 0; i < 5; i++) await browser.SubmitLoginAsync(login, "throttled", "wrong");
        var locked = await browser.SubmitLoginAsync(login, "throttled", TestRealm.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("Too many failed sign-in attempts", await locked.Content.ReadAsStringAsync());

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        var allowed = await browser.SubmitLoginAsync(login, "throttled", TestRealm.Password);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in()
    {
        using var browser = server.NewClient();
        var response = await browser.SubmitLoginAsync(await LoginUrlAsync(browser), "disabled", TestRealm.Password);
        Assert.Contains("Invalid username or password.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_hint_prefills_the_username_and_the_page_is_labelled()
    {
        using var browser = server.NewClient();
        var html = await (await browser.GetAsync(await LoginUrlAsync(browser, "alice@example.com"))).Content.ReadAsStringAsync();
        Assert.Contains("value=\"alice@example.com\"", html);
        Assert.Contains("<label for=\"username\">", html);
        Assert.Contains("<label for=\"password\">", html);
        Assert.Contains("Test Web", html);
    }

    [Fact]
    public async Task Post_without_the_antiforgery_token_is_refused()
    {
        using var browser = server.NewClient();
        var login = await LoginUrlAsync(browser);
        var response = await browser.Http.PostAsync(login, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "alice", ["password"] = TestRealm.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Tampered_or_missing_request_shows_a_clear_page_not_a_protocol_error()
    {
        using var browser = server.NewClient();
        var response = await browser.GetAsync("/realms/test/login?request=client_id%3Devil");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("start signing in again", await response.Content.ReadAsStringAsync());
        var bare = await browser.GetAsync("/realms/test/login");
        Assert.Contains("start signing in again", await bare.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_cannot_be_framed()
    {
        using var browser = server.NewClient();
        var response = await browser.GetAsync(await LoginUrlAsync(browser));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_sid_in_tokens_is_not_the_session_cookie()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid");
        var cookie = browser.Cookies.GetCookies(new Uri(server.BaseUrl + "/realms/test/"))["latchkey_session"]!.Value;
        var sid = Jwt.Payload(tokens.IdToken!).GetProperty("sid").GetString();
        Assert.NotNull(sid);
        Assert.NotEqual(cookie, sid);
        Assert.DoesNotContain(cookie, tokens.AccessToken + tokens.IdToken);
        Assert.Equal(sid, Jwt.Payload(tokens.AccessToken).GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Session_cookie_is_httponly_lax_and_scoped_to_the_realm()
    {
        using var browser = server.NewClient();
        var response = await browser.SubmitLoginAsync(await LoginUrlAsync(browser), "alice", TestRealm.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("latchkey_session="));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("samesite=lax", cookie.ToLowerInvariant());
        Assert.Contains("path=/realms/test", cookie);
        Assert.DoesNotContain("secure", cookie.ToLowerInvariant()); // plain-http loopback: Secure only under HTTPS
    }
}
