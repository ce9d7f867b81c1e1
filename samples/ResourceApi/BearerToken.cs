namespace ResourceApi;

public static class BearerToken
{
    /// <summary>RFC 6750 §2.1: the token from "Authorization: Bearer …", or null.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>A JWS compact serialization has exactly two dots (RFC 7515 §7.1); Latchkey's reference tokens have none.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
