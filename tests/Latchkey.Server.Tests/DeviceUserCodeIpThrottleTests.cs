using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>A server whose per-IP threshold for user codes is low, so one address guessing as many users is slowed too.</summary>
public sealed class LowUserCodeIpThresholdServer() : LatchkeyServer(new Dictionary<string, string>
{
    ["Latchkey:DeviceFlow:UserCodeThrottle:IpFailuresBeforeLock"] = "3",
});

public sealed class DeviceUserCodeIpThrottleTests(LowUserCodeIpThresholdServer server) : IClassFixture<LowUserCodeIpThresholdServer>
{
    [Fact]
    public async Task Wrong_codes_spread_over_many_users_lock_the_address()
    {
        using var device = server.NewClient();
        var start = await DeviceAuthorizationGrantTests.StartAsync(device);
        foreach (var username in new[] { "alice", "bob", "throttled" })
        {
            using var browser = await SignInAsync(username);
            Assert.Contains("That code is not valid.", await SubmitAsync(browser, DeviceAuthorizationGrantTests.OtherCodeThan(start["user_code"]!)));
        }

        using var fourth = await SignInAsync("ropc-target");
        Assert.Contains("Too many incorrect codes", await SubmitAsync(fourth, start["user_code"]!));
    }

    private async Task<OAuthTestClient> SignInAsync(string username)
    {
        var browser = server.NewClient();
        var login = (await browser.GetAsync("/realms/test/device")).Headers.Location!.OriginalString;
        await browser.SubmitLoginAsync(login, username, TestRealm.Password);
        return browser;
    }

    private static async Task<string> SubmitAsync(OAuthTestClient browser, string typed)
    {
        var html = await (await browser.GetAsync("/realms/test/device")).Content.ReadAsStringAsync();
        var response = await browser.Http.PostAsync("/realms/test/device", OAuthTestClient.Form(html, ("user_code", typed)));
        return await response.Content.ReadAsStringAsync();
    }
}
