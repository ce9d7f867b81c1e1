using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Latchkey.Protocol.Tokens;

/// <summary>Verifies a compact JWS signed by one of our own keys and exposes its header and claims.</summary>
public static class JwtReader
{
    public sealed record VerifiedJwt(string Type, JsonElement Claims);

    /// <summary>Null when the token is malformed, names an unknown key, or its signature does not verify.</summary>
    public static VerifiedJwt? Verify(string token, IReadOnlyList<SigningKey> keys)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || token.Length > 16 * 1024) return null;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            var alg = header.RootElement.GetProperty("alg").GetString();
            var kid = header.RootElement.TryGetProperty("kid", out var k) ? k.GetString() : null;
            var typ = header.RootElement.TryGetProperty("typ", out var t) ? t.GetString() ?? "" : "";
            // RFC 8725 §3.1: never let the token choose the algorithm; the key fixes it.
            var key = keys.FirstOrDefault(x => x.KeyId == kid && x.Algorithm == alg);
            if (key is null) return null;
            var signingInput = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
            if (!key.Verify(signingInput, Base64Url.DecodeFromChars(parts[2]))) return null;
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return new VerifiedJwt(typ, payload.RootElement.Clone());
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
