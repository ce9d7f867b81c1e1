namespace Flows;

/// <summary>One keep-alive connection per client, no automatic redirects or cookies: the browser code handles both.</summary>
public static class Http
{
    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { Timeout = TimeSpan.FromSeconds(10) };
}
