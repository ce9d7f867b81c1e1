using System.Net;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>`latchkey keys list | rotate | retire`: what an operator does when a key must go before its time.</summary>
public sealed class KeyCommandLineTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private Task<string> RunAsync(params string[] args) => server.RunCliAsync(args);

    [Fact]
    public async Task Rotate_publishes_a_next_key_rotate_now_switches_signing_and_retire_withdraws_a_key_with_its_tokens()
    {
        using var client = server.NewClient("ps");
        var first = KeyRotationTests.Kid((await client.CodeFlowAsync(scope: "openid")).IdToken!);
        Assert.Contains($"{first}\tPS256\tsigning", await RunAsync("keys", "list", "--realm", "ps"));

        var rotated = await RunAsync("keys", "rotate", "--realm", "ps");
        var next = rotated.Split(' ')[1];
        Assert.Contains($"{next}\tPS256\tnext", await RunAsync("keys", "list", "--realm", "ps"));
        Assert.Equal([next, first], await KeyRotationTests.JwksKidsAsync(client)); // published ahead
        var stillFirst = await client.CodeFlowAsync(scope: "openid");
        Assert.Equal(first, KeyRotationTests.Kid(stillFirst.IdToken!));

        // A key thought compromised: a new one signs now; the waiting one is withdrawn; the old one stays published for its tokens.
        var now = (await RunAsync("keys", "rotate", "--realm", "ps", "--now")).Split(' ')[1];
        var list = await RunAsync("keys", "list", "--realm", "ps");
        Assert.Contains($"{now}\tPS256\tsigning", list);
        Assert.Contains($"{first}\tPS256\tprevious", list);
        Assert.Contains($"{next}\tPS256\tretired", list);
        var afterRotation = await client.CodeFlowAsync(scope: "openid");
        Assert.Equal(now, KeyRotationTests.Kid(afterRotation.IdToken!));
        Assert.Equal(HttpStatusCode.OK, (await client.UserInfoAsync(stillFirst.AccessToken)).StatusCode);

        await RunAsync("keys", "retire", "--realm", "ps", first);
        Assert.Equal([now], await KeyRotationTests.JwksKidsAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.UserInfoAsync(stillFirst.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.UserInfoAsync(afterRotation.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Retiring_an_unknown_key_says_so()
    {
        var output = new StringWriter();
        await Assert.ThrowsAsync<AdminException>(() => new CommandLine(server.Services, output).RunAsync(["keys", "retire", "--realm", "es", "nope"]));
    }
}
