using System.Net;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Latchkey.Server.Tests.Browser;

/// <summary>RFC 8628 with a person at a real Chromium: the link the device shows, sign-in, the code, Approve; the device polls.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeviceFlowInBrowserTests(ChromiumFixture chromium, LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task User_opens_the_complete_verification_uri_signs_in_approves_and_the_device_gets_tokens()
    {
        using var device = server.NewClient();
        var start = await DeviceAuthorizationGrantTests.StartAsync(device, scope: "openid profile offline_access api");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        var userCode = start["user_code"]!;
        Assert.Equal("authorization_pending", (await DeviceAuthorizationGrantTests.PollAsync(device, start)).Error);

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);

        // What a QR code on the TV would open.
        await page.GotoAsync(start["verification_uri_complete"]!);
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Sign in");
        await Expect(page.GetByText("to connect a device to your account")).ToBeVisibleAsync();
        var username = await TestUsers.CreateAsync(server);
        await page.GetByLabel("Username or email").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(TestRealm.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Connect a device");
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(username);
        await Expect(page.GetByLabel("Code")).ToHaveValueAsync(userCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.Locator("#client-name")).ToHaveTextAsync("Living Room TV");
        await Expect(page.Locator("#user-code")).ToHaveTextAsync(userCode);
        await Expect(page.Locator("#scopes li")).ToHaveTextAsync(
        [
            "Sign you in with your account", "See your name and username",
            "Stay connected to your account when you are not using the application", "Use the test API",
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Device connected");
        Assert.Empty(problems); // no CSP violation or script error on Latchkey's pages

        server.Clock.Advance(TimeSpan.FromSeconds(6)); // the device waits its interval before polling again
        var tokens = await DeviceAuthorizationGrantTests.PollAsync(device, start);
        Assert.True(tokens.Status == HttpStatusCode.OK, $"token endpoint said {(int)tokens.Status}: {tokens.Json}");
        var access = await Jwt.ValidateAsync(device, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.Equal(username, Jwt.Payload(tokens.IdToken!).GetProperty("preferred_username").GetString());
        Assert.NotNull(tokens.RefreshToken);
    }
}
