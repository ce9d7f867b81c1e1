using Latchkey.Protocol.Primitives;
using Microsoft.Net.Http.Headers;

namespace Latchkey.Server.Http;

/// <summary>Turns an HTTP request's query or form into the protocol's parameter bag.</summary>
public static class OAuthRequestReader
{
    public static OAuthRequest FromQuery(HttpRequest request) =>
        new(request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal),
            request.Headers.Authorization.FirstOrDefault());

    public static bool IsForm(HttpRequest request) =>
        request.HasFormContentType
        && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    public static async Task<OAuthRequest> FromFormAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var parameters = new Dictionary<string, string[]>(form.Count, StringComparer.Ordinal);
        foreach (var (name, values) in form) parameters[name] = ValuesOf(values);
        return new OAuthRequest(parameters, request.Headers.Authorization.FirstOrDefault(),
            request.HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    private static string[] ValuesOf(Microsoft.Extensions.Primitives.StringValues values)
    {
        var copy = new string[values.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = values[i] ?? "";
        return copy;
    }
}
