using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>A successful sign-in clears the user's failure count, so failures spread between successes never lock.</summary>
public sealed class LoginThrottleResetTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Grant(string password) =>
        new() { ["grant_type"] = "password", ["username"] = "dave", ["password"] = password, ["scope"] = "openid" };

    [Fact]
    public async Task A_success_resets_the_failures_before_it()
    {
        using var client = server.NewClient();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
                Assert.Equal("invalid_grant", (await client.TokenAsync(Grant($"wrong-{round}-{i}"), "direct", TestRealm.WebSecret)).Error);
            Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(Grant(TestRealm.Password), "direct", TestRealm.WebSecret)).Status);
        }
        // Without the resets these would be failures 9 and 10, past the lock at 5.
        Assert.Equal("invalid_grant", (await client.TokenAsync(Grant("wrong-again"), "direct", TestRealm.WebSecret)).Error);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(Grant(TestRealm.Password), "direct", TestRealm.WebSecret)).Status);
    }
}
