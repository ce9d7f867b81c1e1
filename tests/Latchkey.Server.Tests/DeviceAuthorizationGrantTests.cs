using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Server.Tests.Browser;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>
/// RFC 8628: /device_authorization, the /device page driven as a browser would (GET, hidden fields, POST), and
/// polling at /token until the user has decided.
/// </summary>
public sealed partial class DeviceAuthorizationGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string AllScopes = "openid profile offline_access api";

    [Fact]
    public async Task User_approves_at_the_page_and_the_device_gets_its_tokens_exactly_once()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device, scope: AllScopes);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("no-store", start.Response.Headers.CacheControl?.ToString());
        var userCode = start["user_code"]!;
        Assert.Matches(UserCodeShape(), userCode); // §6.1: base-20 consonants, XXXX-XXXX
        Assert.Equal(server.Issuer + "/device", start["verification_uri"]);
        Assert.Equal($"{server.Issuer}/device?user_code={userCode}", start["verification_uri_complete"]);
        Assert.Equal("600", start["expires_in"]);
        Assert.Equal("5", start["interval"]);
        Assert.Equal("authorization_pending", (await PollAsync(device, start)).Error);
        using var browser = server.NewClient();
        var login = await browser.GetAsync(new Uri(start["verification_uri_complete"]!).PathAndQuery);
        Assert.Equal($"/realms/test/login?return=device&user_code={userCode}", login.Headers.Location!.OriginalString);
        var back = await browser.SubmitLoginAsync(login.Headers.Location.OriginalString, "alice", TestRealm.Password);
        Assert.Equal($"/realms/test/device?user_code={userCode}", back.Headers.Location!.OriginalString);
        var entry = await (await browser.GetAsync(back.Headers.Location.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{userCode}\"", entry); // prefilled from verification_uri_complete

        // Case and dash do not matter.
        var confirm = await SubmitCodeAsync(browser, userCode.Replace("-", "").ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Living Room TV", confirm.Html);
        Assert.Contains(userCode, confirm.Html);
        Assert.Contains("See your name and username", confirm.Html);
        Assert.Contains("Use the test API", confirm.Html);
        Assert.Contains("Device connected", (await DecideAsync(browser, confirm.Html, "approve")).Html);

        server.Clock.Advance(TimeSpan.FromSeconds(6));
        var tokens = await PollAsync(device, start);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("no-store", tokens.Response.Headers.CacheControl?.ToString());
        var access = await Jwt.ValidateAsync(device, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.Equal("tv", Jwt.Payload(tokens.AccessToken).GetProperty("client_id").GetString());
        var id = Jwt.Payload(tokens.IdToken!);
        Assert.Equal("alice", id.GetProperty("preferred_username").GetString());
        Assert.Equal("tv", id.GetProperty("aud").GetString());
        Assert.Equal("pwd", id.GetProperty("amr")[0].GetString());
        Assert.NotNull(tokens.RefreshToken);

        // Exactly once: a second redemption is a replay, refused, and it revokes what the first one got.
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("invalid_grant", (await PollAsync(device, start)).Error);
        var refresh = await device.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken!, ["client_id"] = "tv",
        });
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task Simultaneous_polls_after_approval_yield_one_token_response()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device, scope: "api");
        using var browser = await SignedInBrowserAsync("bob");
        await DecideAsync(browser, (await SubmitCodeAsync(browser, start["user_code"]!)).Html, "approve");

        var polls = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PollAsync(device, start)));
        Assert.Single(polls, p => p.Status == HttpStatusCode.OK);
        Assert.All(polls.Where(p => p.Status != HttpStatusCode.OK), p => Assert.Equal("invalid_grant", p.Error));
        var winner = polls.Single(p => p.Status == HttpStatusCode.OK);
        Assert.Null(winner.IdToken); // no openid
        Assert.Null(winner.RefreshToken); // no offline_access
    }

    [Fact]
    public async Task Polling_faster_than_the_interval_is_slow_down_and_the_interval_grows_by_five_seconds()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device);
        Assert.Equal("authorization_pending", (await PollAsync(device, start)).Error);
        Assert.Equal("slow_down", (await PollAsync(device, start)).Error); // now 10 s

        server.Clock.Advance(TimeSpan.FromSeconds(6)); // enough for 5 s, not for 10 s
        Assert.Equal("slow_down", (await PollAsync(device, start)).Error); // now 15 s
        server.Clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal("authorization_pending", (await PollAsync(device, start)).Error);
        server.Clock.Advance(TimeSpan.FromSeconds(11)); // the grown interval holds for all later requests
        var again = await PollAsync(device, start);
        Assert.Equal("slow_down", again.Error); // now 20 s
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        server.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal("authorization_pending", (await PollAsync(device, start)).Error);
    }

    [Fact]
    public async Task User_denies_at_the_page_and_the_device_gets_access_denied()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device);
        using var browser = await SignedInBrowserAsync("alice");
        var denied = await DecideAsync(browser, (await SubmitCodeAsync(browser, start["user_code"]!)).Html, "deny");
        Assert.Contains("Access denied", denied.Html);

        Assert.Equal("access_denied", (await PollAsync(device, start)).Error);
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("access_denied", (await PollAsync(device, start)).Error);
    }

    [Fact]
    public async Task Expired_device_code_is_expired_token_and_the_page_says_the_code_expired()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device);
        using var browser = await SignedInBrowserAsync("alice");
        server.Clock.Advance(TimeSpan.FromSeconds(601));

        Assert.Equal("expired_token", (await PollAsync(device, start)).Error);
        var page = await SubmitCodeAsync(browser, start["user_code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("That code has expired.", page.Html);
    }

    [Fact]
    public async Task Wrong_and_used_codes_get_clear_messages_and_a_double_submit_shows_the_result_again()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device);
        using var alice = await SignedInBrowserAsync("alice");

        foreach (var wrong in new[] { "hello", "BCDF-GHJ", OtherCodeThan(start["user_code"]!) })
        {
            var page = await SubmitCodeAsync(alice, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("That code is not valid.", page.Html);
        }

        var confirm = await SubmitCodeAsync(alice, start["user_code"]!);
        Assert.Contains("Device connected", (await DecideAsync(alice, confirm.Html, "approve")).Html);
        var twice = await DecideAsync(alice, confirm.Html, "approve"); // Back, then Approve again
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("Device connected", twice.Html);

        using var bob = await SignedInBrowserAsync("bob");
        var used = await SubmitCodeAsync(bob, start["user_code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, used.Status);
        Assert.Contains("That code has already been used.", used.Html);
    }

    [Fact]
    public async Task Guessing_user_codes_locks_the_user_even_for_a_correct_code_until_the_wait_passes()
    {
        using var device = server.NewClient();
        var start = await StartAsync(device);
        using var browser = await SignedInBrowserAsync(await TestUsers.CreateAsync(server));
        for (var i = 0; i < 5; i++) await SubmitCodeAsync(browser, OtherCodeThan(start["user_code"]!));

        var locked = await SubmitCodeAsync(browser, start["user_code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains("Too many incorrect codes", locked.Html);

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        var allowed = await SubmitCodeAsync(browser, start["user_code"]!);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("Living Room TV", allowed.Html);
    }

    [Fact]
    public async Task Signed_out_users_are_sent_to_login_and_posts_need_the_antiforgery_token()
    {
        using var browser = server.NewClient();
        var bare = await browser.GetAsync("/realms/test/device");
        Assert.Equal("/realms/test/login?return=device", bare.Headers.Location!.OriginalString);
        var loginPage = await (await browser.GetAsync(bare.Headers.Location.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("to connect a device", loginPage);

        using var signedIn = await SignedInBrowserAsync("alice");
        var forged = await signedIn.Http.PostAsync("/realms/test/device",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["user_code"] = "BCDF-GHJK", ["decision"] = "approve" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("That code", await forged.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/realms/nowhere/device")).StatusCode);
    }

    [Fact]
    public async Task Clients_without_the_device_switch_are_unauthorized_client()
    {
        using var client = server.NewClient();
        Assert.Equal("unauthorized_client", (await StartAsync(client, "spa")).Error);
        Assert.Equal("unauthorized_client", (await StartAsync(client, "web", secret: TestRealm.WebSecret)).Error);
        var poll = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["device_code"] = "anything",
        }, "web", TestRealm.WebSecret);
        Assert.Equal("unauthorized_client", poll.Error);
    }

    [Theory]
    [InlineData("email")] // known, but not allowed for the client
    [InlineData("openid admin")] // unknown in the realm
    public async Task Scope_outside_the_clients_allowed_set_is_invalid_scope(string scope)
    {
        using var client = server.NewClient();
        var result = await StartAsync(client, scope: scope);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_scope", result.Error);
    }

    [Fact]
    public async Task Confidential_clients_must_authenticate_and_device_codes_stay_with_their_client()
    {
        using var client = server.NewClient();
        foreach (var bad in new[]
        {
            await StartAsync(client, "tv-confidential", secret: "wrong"),
            await StartAsync(client, "tv-confidential"),
            await StartAsync(client, "nobody"),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bad.Status);
            Assert.Equal("invalid_client", bad.Error);
            Assert.NotNull(bad.Response.Headers.WwwAuthenticate.SingleOrDefault());
        }

        var start = await StartAsync(client, "tv-confidential", "openid api", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("authorization_pending", (await PollAsync(client, start, "tv-confidential", TestRealm.WebSecret)).Error);
        Assert.Equal("invalid_grant", (await PollAsync(client, start, "tv")).Error);
        Assert.Equal("invalid_request", (await PollAsync(client, start with { Json = default }, "tv")).Error);
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        using var client = server.NewClient();
        var response = await client.GetAsync("/realms/test/device_authorization");
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "POST"), (response.StatusCode, response.Content.Headers.Allow.Single()));
    }

    internal sealed record Page(HttpStatusCode Status, string Html);

    /// <summary>RFC 8628 §3.1; a confidential client authenticates with client_secret_basic.</summary>
    internal static Task<TokenResult> StartAsync(OAuthTestClient client, string clientId = "tv", string? scope = "openid profile", string? secret = null)
    {
        var form = new Dictionary<string, string>();
        if (secret is null) form["client_id"] = clientId;
        if (scope is not null) form["scope"] = scope;
        return client.PostFormAsync("device_authorization", form, secret is null ? null : clientId, secret);
    }

    /// <summary>RFC 8628 §3.4.</summary>
    internal static Task<TokenResult> PollAsync(OAuthTestClient client, TokenResult start, string clientId = "tv", string? secret = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code" };
        if (start["device_code"] is { } deviceCode) form["device_code"] = deviceCode;
        if (secret is null) form["client_id"] = clientId;
        return client.TokenAsync(form, secret is null ? null : clientId, secret);
    }

    /// <summary>A browser that opened the verification URI and signed in on the way.</summary>
    private async Task<OAuthTestClient> SignedInBrowserAsync(string username)
    {
        var browser = server.NewClient();
        var login = (await browser.GetAsync("/realms/test/device")).Headers.Location!.OriginalString;
        var back = await browser.SubmitLoginAsync(login, username, TestRealm.Password);
        Assert.Equal("/realms/test/device", back.Headers.Location!.OriginalString);
        return browser;
    }

    /// <summary>Types a code into the page's form and submits it.</summary>
    private static async Task<Page> SubmitCodeAsync(OAuthTestClient browser, string typed)
    {
        var html = await (await browser.GetAsync("/realms/test/device")).Content.ReadAsStringAsync();
        return await ReadAsync(await browser.Http.PostAsync("/realms/test/device", OAuthTestClient.Form(html, ("user_code", typed))));
    }

    /// <summary>Presses Approve or Deny on the confirmation page.</summary>
    private static async Task<Page> DecideAsync(OAuthTestClient browser, string confirmHtml, string decision) =>
        await ReadAsync(await browser.Http.PostAsync("/realms/test/device", OAuthTestClient.Form(confirmHtml, ("decision", decision))));

    private static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

    /// <summary>A well-formed code that is not the given one.</summary>
    internal static string OtherCodeThan(string userCode) => userCode == "BCDF-GHJK" ? "BCDF-GHJL" : "BCDF-GHJK";

    [GeneratedRegex("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$")]
    private static partial Regex UserCodeShape();
}
