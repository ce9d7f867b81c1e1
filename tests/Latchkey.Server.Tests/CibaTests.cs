using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Protocol.Clients;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>
/// OpenID Connect CIBA Core 1.0: /bc-authorize, the approval page driven as a browser would (GET, hidden fields,
/// POST), polling and ping notification, and /token with the CIBA grant.
/// </summary>
public sealed partial class CibaTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string CibaGrant = "urn:openid:params:grant-type:ciba";

    [Fact]
    public async Task User_approves_on_the_page_and_the_polling_client_gets_tokens_with_an_id_token_exactly_once()
    {
        using var client = server.NewClient();
        var start = await StartAsync(client, new() { ["login_hint"] = "alice", ["binding_message"] = "Order 4711",
            ["scope"] = "openid profile offline_access api" });
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("no-store", start.Response.Headers.CacheControl?.ToString());
        Assert.True(start["auth_req_id"]!.Length >= 22, "auth_req_id carries at least 128 bits");
        Assert.Equal("300", start["expires_in"]);
        Assert.Equal("5", start["interval"]);
        Assert.Equal("authorization_pending", (await PollAsync(client, start)).Error);

        using var phone = server.NewClient();
        var login = await phone.GetAsync("/realms/test/ciba");
        Assert.Equal("/realms/test/login?return=ciba", login.Headers.Location!.OriginalString);
        var back = await phone.SubmitLoginAsync(login.Headers.Location.OriginalString, "alice", TestRealm.Password);
        Assert.Equal("/realms/test/ciba", back.Headers.Location!.OriginalString);
        var page = await PageAsync(phone);
        Assert.Contains("Call Centre", page);
        Assert.Contains("Order 4711", page);
        Assert.Contains("See your name and username", page);
        Assert.Contains("Use the test API", page);
        Assert.Contains("Approved.", await DecideAsync(phone, "Order 4711", "approve"));
        Assert.DoesNotContain("Order 4711", await PageAsync(phone)); // answered requests leave the list

        server.Clock.Advance(TimeSpan.FromSeconds(6));
        var tokens = await PollAsync(client, start);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("no-store", tokens.Response.Headers.CacheControl?.ToString());
        var access = await Jwt.ValidateAsync(client, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.Equal("ciba", Jwt.Payload(tokens.AccessToken).GetProperty("client_id").GetString());
        var id = Jwt.Payload(tokens.IdToken!);
        Assert.Equal("alice", id.GetProperty("preferred_username").GetString());
        Assert.Equal("ciba", id.GetProperty("aud").GetString());
        Assert.Equal("pwd", id.GetProperty("amr")[0].GetString());
        Assert.NotNull(tokens.RefreshToken);

        // Exactly once: a second redemption is a replay, refused, and it revokes what the first one got.
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("invalid_grant", (await PollAsync(client, start)).Error);
        var refresh = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken!,
        }, "ciba", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task Polling_too_fast_is_slow_down_denial_is_access_denied_and_expiry_is_expired_token()
    {
        using var client = server.NewClient();
        var start = await StartAsync(client, new() { ["login_hint"] = "dave", ["binding_message"] = "Deny me" });
        Assert.Equal("authorization_pending", (await PollAsync(client, start)).Error);
        Assert.Equal("slow_down", (await PollAsync(client, start)).Error); // the interval is now 10 s
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("slow_down", (await PollAsync(client, start)).Error);

        using var phone = await SignedInAsync("dave");
        Assert.Contains("Denied.", await DecideAsync(phone, "Deny me", "deny"));
        Assert.Equal("access_denied", (await PollAsync(client, start)).Error);

        var shortLived = await StartAsync(client, new() { ["login_hint"] = "dave", ["requested_expiry"] = "60" });
        Assert.Equal("60", shortLived["expires_in"]);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("expired_token", (await PollAsync(client, shortLived)).Error);
        Assert.Contains("No application is waiting for you.", await PageAsync(phone));

        var tooLong = await StartAsync(client, new() { ["login_hint"] = "dave", ["requested_expiry"] = "999999" });
        Assert.Equal("1800", tooLong["expires_in"]); // shortened to the server's maximum
    }

    [Fact]
    public async Task A_request_is_shown_to_and_decided_by_the_named_user_only()
    {
        using var client = server.NewClient();
        var start = await StartAsync(client, new() { ["login_hint"] = "alice", ["binding_message"] = "Only for Alice" });
        using var bob = await SignedInAsync("bob");
        Assert.DoesNotContain("Only for Alice", await PageAsync(bob));

        // Bob forges a decision with Alice's request id, taken from her page: refused, and the request stays pending.
        using var alice = await SignedInAsync("alice");
        var id = RequestId(await PageAsync(alice), "Only for Alice");
        var forged = await bob.Http.PostAsync("/realms/test/ciba", OAuthTestClient.Form(await PageAsync(bob), ("request", id), ("decision", "approve")));
        Assert.Equal("/realms/test/ciba?done=gone", forged.Headers.Location!.OriginalString);
        Assert.Equal("authorization_pending", (await PollAsync(client, start)).Error);

        // Another client cannot redeem this client's auth_req_id.
        Assert.Contains("Approved.", await DecideAsync(alice, "Only for Alice", "approve"));
        var stolen = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = start["auth_req_id"]! },
            "ciba-pin", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", stolen.Error);
        Assert.Equal(HttpStatusCode.OK, (await PollAsync(client, start)).Status);
    }

    [Fact]
    public async Task Hints_name_the_user_by_username_id_token_or_access_token_and_unknown_users_are_unknown_user_id()
    {
        using var client = server.NewClient();
        var bobsTokens = await client.CodeFlowAsync(scope: "openid profile", clientId: "ciba", username: "bob");

        var byIdToken = await StartAsync(client, new() { ["id_token_hint"] = bobsTokens.IdToken!, ["binding_message"] = "By ID token" });
        Assert.Equal(HttpStatusCode.OK, byIdToken.Status);
        var byAccessToken = await StartAsync(client, new() { ["login_hint_token"] = bobsTokens.AccessToken, ["binding_message"] = "By hint token" });
        Assert.Equal(HttpStatusCode.OK, byAccessToken.Status);
        using var bob = await SignedInAsync("bob");
        var page = await PageAsync(bob);
        Assert.Contains("By ID token", page);
        Assert.Contains("By hint token", page);

        var webTokens = await client.CodeFlowAsync(scope: "openid", clientId: "web", username: "bob");
        Assert.Equal("unknown_user_id", (await StartAsync(client, new() { ["id_token_hint"] = webTokens.IdToken! })).Error); // issued to another client
        Assert.Equal("unknown_user_id", (await StartAsync(client, new() { ["login_hint"] = "nobody" })).Error);
        Assert.Equal("unknown_user_id", (await StartAsync(client, new() { ["login_hint"] = "disabled" })).Error);
        Assert.Equal("unknown_user_id", (await StartAsync(client, new() { ["id_token_hint"] = "not.a.jwt" })).Error);

        server.Clock.Advance(TimeSpan.FromSeconds(301)); // the access token's lifetime is 300 s
        var expired = await StartAsync(client, new() { ["login_hint_token"] = bobsTokens.AccessToken });
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Equal("expired_login_hint_token", expired.Error);
        Assert.Equal(HttpStatusCode.OK, (await StartAsync(client, new() { ["id_token_hint"] = bobsTokens.IdToken! })).Status); // only a hint
    }

    [Theory]
    [InlineData(null, "openid", "invalid_request")] // no hint
    [InlineData("login_hint=alice&id_token_hint=x", "openid", "invalid_request")] // two hints
    [InlineData("login_hint=alice", "profile", "invalid_request")] // openid is required
    [InlineData("login_hint=alice", "openid email", "invalid_scope")] // not allowed for the client
    [InlineData("login_hint=alice&requested_expiry=soon", "openid", "invalid_request")]
    [InlineData("login_hint=alice&requested_expiry=-5", "openid", "invalid_request")]
    [InlineData("login_hint=alice&binding_message=%0Aline", "openid", "invalid_binding_message")]
    public async Task Malformed_requests_get_the_errors_of_section_13(string? extra, string scope, string error)
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["scope"] = scope };
        foreach (var pair in (extra ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
            form[pair.Split('=')[0]] = Uri.UnescapeDataString(pair.Split('=')[1]);
        var result = await client.PostFormAsync("bc-authorize", form, "ciba", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public async Task Clients_need_the_ciba_switch_a_secret_and_post()
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["scope"] = "openid", ["login_hint"] = "alice" };
        Assert.Equal("unauthorized_client", (await client.PostFormAsync("bc-authorize", form, "web", TestRealm.WebSecret)).Error);
        Assert.Equal("unauthorized_client", (await client.PostFormAsync("bc-authorize", new Dictionary<string, string>(form) { ["client_id"] = "ciba-public" })).Error);
        var wrong = await client.PostFormAsync("bc-authorize", form, "ciba", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("invalid_client", wrong.Error);
        Assert.NotEmpty(wrong.Response.Headers.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync("/realms/test/bc-authorize")).StatusCode);

        // The CIBA grant at /token is refused for a client without the switch.
        var refused = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = "x" }, "web", TestRealm.WebSecret);
        Assert.Equal("unauthorized_client", refused.Error);
        var unknown = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = "x" }, "ciba", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", unknown.Error);
    }

    [Fact]
    public async Task A_client_registered_for_user_codes_must_send_the_users_password_as_user_code()
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["scope"] = "openid", ["login_hint"] = "pin-user" };
        Assert.Equal("missing_user_code", (await client.PostFormAsync("bc-authorize", form, "ciba-pin", TestRealm.WebSecret)).Error);
        var wrong = await client.PostFormAsync("bc-authorize", new Dictionary<string, string>(form) { ["user_code"] = "1234" }, "ciba-pin", TestRealm.WebSecret);
        Assert.Equal("invalid_user_code", wrong.Error);
        var right = await client.PostFormAsync("bc-authorize", new Dictionary<string, string>(form) { ["user_code"] = TestRealm.Password },
            "ciba-pin", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task Ping_mode_notifies_the_client_with_its_bearer_token_after_approval_and_after_denial()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await server.Services.GetRequiredService<AdminRepository>().SaveClientAsync("test", new ClientRegistration
        {
            ClientId = "ciba-ping", DisplayName = "Ping Shop", ChosenSecret = TestRealm.WebSecret, Capabilities = ClientCapabilities.Ciba,
            AllowedScopes = ["openid", "profile", "api"], BackchannelTokenDeliveryMode = BackchannelTokenDeliveryMode.Ping,
            BackchannelClientNotificationEndpoint = receiver.PingUri,
        }, CancellationToken.None);
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["scope"] = "openid profile api", ["login_hint"] = "dave", ["binding_message"] = "Ping 1" };
        var missing = await client.PostFormAsync("bc-authorize", form, "ciba-ping", TestRealm.WebSecret);
        Assert.Equal("invalid_request", missing.Error); // client_notification_token is required in ping mode

        form["client_notification_token"] = "8d67dc78-7faa-4d41-aabd-67707b374255";
        var start = await client.PostFormAsync("bc-authorize", form, "ciba-ping", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        using var phone = await SignedInAsync("dave");
        Assert.Contains("Ping Shop", await PageAsync(phone));
        await DecideAsync(phone, "Ping 1", "approve");

        var ping = await receiver.WaitForPingAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal("Bearer 8d67dc78-7faa-4d41-aabd-67707b374255", ping.Authorization);
        Assert.StartsWith("application/json", ping.ContentType);
        var authReqId = JsonDocument.Parse(ping.Body).RootElement.GetProperty("auth_req_id").GetString();
        Assert.Equal(start["auth_req_id"], authReqId);
        var tokens = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = authReqId! },
            "ciba-ping", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("dave", Jwt.Payload(tokens.IdToken!).GetProperty("preferred_username").GetString());

        form["binding_message"] = "Ping 2";
        form["client_notification_token"] = "second-token";
        var denied = await client.PostFormAsync("bc-authorize", form, "ciba-ping", TestRealm.WebSecret);
        await DecideAsync(phone, "Ping 2", "deny");
        var second = await receiver.WaitForPingAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal("Bearer second-token", second.Authorization);
        var result = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = denied["auth_req_id"]! },
            "ciba-ping", TestRealm.WebSecret);
        Assert.Equal("access_denied", result.Error);
    }

    [Fact]
    public async Task Discovery_advertises_the_endpoint_the_modes_and_the_grant()
    {
        using var client = server.NewClient();
        var json = JsonDocument.Parse(await (await client.GetAsync("/realms/test/.well-known/openid-configuration")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(server.Issuer + "/bc-authorize", json.GetProperty("backchannel_authentication_endpoint").GetString());
        Assert.Equal(["poll", "ping"], json.GetProperty("backchannel_token_delivery_modes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(json.GetProperty("backchannel_user_code_parameter_supported").GetBoolean());
        Assert.Contains(CibaGrant, json.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    private static Task<TokenResult> StartAsync(OAuthTestClient client, Dictionary<string, string> form)
    {
        form.TryAdd("scope", "openid");
        return client.PostFormAsync("bc-authorize", form, "ciba", TestRealm.WebSecret);
    }

    private static Task<TokenResult> PollAsync(OAuthTestClient client, TokenResult start) =>
        client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = CibaGrant, ["auth_req_id"] = start["auth_req_id"]! },
            "ciba", TestRealm.WebSecret);

    private async Task<OAuthTestClient> SignedInAsync(string username)
    {
        var phone = server.NewClient();
        var back = await phone.SubmitLoginAsync("/realms/test/login?return=ciba", username, TestRealm.Password);
        Assert.Equal("/realms/test/ciba", back.Headers.Location!.OriginalString);
        return phone;
    }

    private static async Task<string> PageAsync(OAuthTestClient phone)
    {
        var response = await phone.GetAsync("/realms/test/ciba");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Presses Approve or Deny on the request showing <paramref name="bindingMessage"/>, and returns the page it lands on.</summary>
    private static async Task<string> DecideAsync(OAuthTestClient phone, string bindingMessage, string decision)
    {
        var page = await PageAsync(phone);
        var posted = await phone.Http.PostAsync("/realms/test/ciba",
            OAuthTestClient.Form(page, ("request", RequestId(page, bindingMessage)), ("decision", decision)));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return await (await phone.GetAsync(posted.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
    }

    private static string RequestId(string page, string bindingMessage)
    {
        var item = RequestItem().Matches(page).Single(m => m.Value.Contains($">{bindingMessage}<"));
        return item.Groups["id"].Value;
    }

    [GeneratedRegex("""<li class="request".*?name="request" value="(?<id>[^"]+)".*?</li>""", RegexOptions.Singleline)]
    private static partial Regex RequestItem();
}
