using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>A server whose per-IP threshold is low, so one address guessing across many usernames is slowed too.</summary>
public sealed class LowIpThresholdServer() : LatchkeyServer(new Dictionary<string, string>
{
    ["Latchkey:LoginThrottle:IpFailuresBeforeLock"] = "3",
});

public sealed class IpThrottleTests(LowIpThresholdServer server) : IClassFixture<LowIpThresholdServer>
{
    [Fact]
    public async Task Failures_spread_over_many_usernames_lock_the_address()
    {
        using var browser = server.NewClient();
        var login = (await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid"))))
            .Headers.Location!.OriginalString;
        foreach (var name in new[] { "u1", "u2", "u3" }) await browser.SubmitLoginAsync(login, name, "guess");

        var blocked = await browser.SubmitLoginAsync(login, "alice", TestRealm.Password);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("Too many failed sign-in attempts", await blocked.Content.ReadAsStringAsync());

        server.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitLoginAsync(login, "alice", TestRealm.Password)).StatusCode);
    }
}
