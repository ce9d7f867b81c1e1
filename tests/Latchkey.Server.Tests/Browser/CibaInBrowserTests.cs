using System.Net;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Latchkey.Server.Tests.Browser;

/// <summary>CIBA with a person at a real Chromium: the client asks, the user signs in on the approval page, compares the message, approves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CibaInBrowserTests(ChromiumFixture chromium, LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task User_signs_in_on_the_approval_page_sees_the_binding_message_approves_and_the_client_gets_tokens()
    {
        var username = await TestUsers.CreateAsync(server);
        using var client = server.NewClient();
        var start = await client.PostFormAsync("bc-authorize", new Dictionary<string, string>
        {
            ["scope"] = "openid profile api", ["login_hint"] = username, ["binding_message"] = "Transfer 42 EUR",
        }, "ciba", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, start.Status);

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);

        await page.GotoAsync(server.Issuer + "/ciba");
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Sign in");
        await Expect(page.GetByText("to answer sign-in requests from applications")).ToBeVisibleAsync();
        await page.GetByLabel("Username or email").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(TestRealm.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign-in requests");
        var request = page.Locator("li.request");
        await Expect(request).ToHaveCountAsync(1);
        await Expect(request.Locator(".client-name")).ToHaveTextAsync("Call Centre");
        await Expect(request.Locator(".binding-message")).ToHaveTextAsync("Transfer 42 EUR");
        await Expect(request.Locator("li")).ToHaveTextAsync(["Sign you in with your account", "See your name and username", "Use the test API"]);
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("Approved. The application continues on its own.");
        await Expect(page.Locator("#no-requests")).ToBeVisibleAsync();
        Assert.Empty(problems); // no CSP violation or script error on Latchkey's pages

        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:openid:params:grant-type:ciba", ["auth_req_id"] = start["auth_req_id"]!,
        }, "ciba", TestRealm.WebSecret);
        Assert.True(tokens.Status == HttpStatusCode.OK, $"token endpoint said {(int)tokens.Status}: {tokens.Json}");
        Assert.Equal(username, Jwt.Payload(tokens.IdToken!).GetProperty("preferred_username").GetString());
        var access = await Jwt.ValidateAsync(client, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
    }
}
