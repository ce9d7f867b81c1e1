using System.Net.Http.Headers;
using System.Text;
using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Primitives;
using Latchkey.Server.Http;

namespace Latchkey.Server.Operations;

/// <summary>
/// Which requests are counted, and under which keys: the realm's client (RFC 6749 §2.3.1 Basic credentials, else
/// the client_id parameter of the form or query) and the caller's IP address. Read before the rate limiter runs,
/// because its partitions are chosen synchronously; the form read here is the one the endpoint reads again (cached).
/// </summary>
public static class RateLimitedRequests
{
    public sealed record Keys(string? Client, string? Ip);

    private const string ItemKey = "Latchkey.RateLimitKeys";
    private const int MaxClientIdLength = 256;

    /// <summary>Counted on every method.</summary>
    private static readonly HashSet<string> Endpoints = [EndpointPaths.Token, EndpointPaths.Authorize, EndpointPaths.BackchannelAuthentication];
    /// <summary>Counted when a person submits the page's form.</summary>
    private static readonly HashSet<string> Pages = [EndpointPaths.Login, EndpointPaths.Device];

    public static Keys? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var keys) ? keys as Keys : null;

    public static IApplicationBuilder UseLatchkeyRateLimitKeys(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (RealmAndEndpoint(http.Request) is var (realm, endpoint) && IsCounted(endpoint, http.Request.Method))
                http.Items[ItemKey] = new Keys(await ClientAsync(http, realm), http.Connection.RemoteIpAddress?.ToString());
            await next(http);
        });

    private static bool IsCounted(string endpoint, string method) =>
        Endpoints.Contains(endpoint) || (Pages.Contains(endpoint) && HttpMethods.IsPost(method));

    /// <summary>"/realms/{realm}/{endpoint}" split into its realm and "/{endpoint}".</summary>
    private static (string Realm, string Endpoint)? RealmAndEndpoint(HttpRequest request)
    {
        var path = request.Path.Value;
        if (path is null || !path.StartsWith("/realms/", StringComparison.Ordinal)) return null;
        var rest = path.AsSpan("/realms/".Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0) return null;
        return (rest[..slash].ToString(), rest[slash..].TrimEnd('/').ToString());
    }

    private static async Task<string?> ClientAsync(HttpContext http, string realm)
    {
        var id = BasicClientId(http.Request) ?? http.Request.Query[Parameters.ClientId].FirstOrDefault();
        if (id is null && OAuthRequestReader.IsForm(http.Request))
            id = (await http.Request.ReadFormAsync(http.RequestAborted))[Parameters.ClientId].FirstOrDefault();
        return string.IsNullOrEmpty(id) || id.Length > MaxClientIdLength ? null : realm + "\n" + id;
    }

    /// <summary>Only the id: the secret after the colon is never decoded into anything kept.</summary>
    private static string? BasicClientId(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            return colon <= 0 ? null : Uri.UnescapeDataString(decoded[..colon]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
