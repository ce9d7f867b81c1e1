using System.Net;
using System.Net.Sockets;

namespace Latchkey.Server.Tests.Browser;

public static class FreePort
{
    /// <summary>A loopback port that was free a moment ago: for processes that must be told their URL before they start.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
