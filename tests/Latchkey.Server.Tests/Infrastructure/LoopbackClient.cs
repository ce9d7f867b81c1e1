using System.Net;
using System.Net.Sockets;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>HTTP clients that connect from a chosen loopback address: any 127.x.y.z reaches a server listening on 127.0.0.1.</summary>
public static class LoopbackClient
{
    public static HttpClient From(string baseUrl, string localAddress)
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
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }
}
