using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Http;

/// <summary>RFC 6750 §2.1 (Authorization header) and §2.2 (form body); §3 for the challenge.</summary>
public static class BearerToken
{
    public static async Task<string?> ReadAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header[7..].Trim() is { Length: > 0 } t ? t : null;
        if (HttpMethods.IsPost(http.Request.Method) && OAuthRequestReader.IsForm(http.Request))
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return form[Parameters.AccessToken].FirstOrDefault() is { Length: > 0 } body ? body : null;
        }
        return null;
    }

    public static string Challenge(string realm, OAuthError error)
    {
        var challenge = $"Bearer realm=\"{realm}\"";
        return error.Code.Length == 0 ? challenge : $"{challenge}, error=\"{error.Code}\", error_description=\"{error.Description}\"";
    }
}
