using System.Net;
using System.Net.Sockets;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>A Latchkey with rate limits low enough to reach in a test: 3 requests per client and 6 per IP address a minute.</summary>
public sealed class RateLimitedServer() : LatchkeyServer(new Dictionary<string, string>
{
    ["Latchkey:RateLimits:PermitsPerClient"] = "3",
    ["Latchkey:RateLimits:PermitsPerIp"] = "6",
    ["Latchkey:RateLimits:WindowSeconds"] = "60",
})
{
    /// <summary>A client whose requests come from the given loopback address (any 127.x.y.z reaches a server on 127.0.0.1).</summary>
    public HttpClient ClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }
}
