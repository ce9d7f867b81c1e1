using System.Text.Json;

namespace ResourceApi;

/// <summary>An RFC 7662 §2.2 answer for an active access token: the members this API uses.</summary>
public sealed record IntrospectionResult(string? Issuer, IReadOnlyList<string> Audiences, string? Subject, string? ClientId,
    string? Scope, DateTimeOffset ExpiresAt)
{
    /// <summary>Null for "active": false, for an answer without exp, and for anything but an access token.</summary>
    public static IntrospectionResult? From(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object
            || !answer.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.True) return null;
        // A refresh token is active too; only an access token may call this API.
        if (String(answer, "token_type") is { } type && !type.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return null;
        if (!answer.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var seconds)) return null;
        return new IntrospectionResult(String(answer, "iss"), AudiencesOf(answer), String(answer, "sub"), String(answer, "client_id"),
            String(answer, "scope"), DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>aud is a string or an array of strings (RFC 7519 §4.1.3).</summary>
    private static IReadOnlyList<string> AudiencesOf(JsonElement e) =>
        !e.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()!]
        : aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToArray()
        : [];
}
