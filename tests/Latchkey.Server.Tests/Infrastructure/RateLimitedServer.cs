namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>A Latchkey with rate limits low enough to reach in a test: 3 requests per client and 6 per IP address a minute.</summary>
public sealed class RateLimitedServer() : LatchkeyServer(new Dictionary<string, string>
{
    ["Latchkey:RateLimits:PermitsPerClient"] = "3",
    ["Latchkey:RateLimits:PermitsPerIp"] = "6",
    ["Latchkey:RateLimits:WindowSeconds"] = "60",
})
{
    public HttpClient ClientFrom(string localAddress) => LoopbackClient.From(BaseUrl, localAddress);
}
