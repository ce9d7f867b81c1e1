using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>
/// A client assertion as presented (RFC 7521 §4.2, RFC 7523 §2.2), read but not yet trusted: the client it
/// names (sub, RFC 7523 §3 item 2), its JOSE header and claims, and the bytes its signature covers.
/// </summary>
public sealed record ClientAssertion(string ClientId, string Algorithm, string? KeyId, JsonElement Claims, byte[] SigningInput, byte[] Signature)
{
    public bool IsHmac => ClientAssertionAlgorithms.Hmac.Contains(Algorithm);

    /// <summary>Null when the request carries no assertion; an invalid_client error when it carries a bad one.</summary>
    public static Result<ClientAssertion>? From(OAuthRequest request)
    {
        var type = request[Parameters.ClientAssertionType];
        var token = request[Parameters.ClientAssertion];
        if (type is null && token is null) return null;
        if (type != ClientAssertionTypes.JwtBearer)
            return OAuthErrors.InvalidClient("client_assertion_type must be " + ClientAssertionTypes.JwtBearer + ".");
        if (token is null) return OAuthErrors.InvalidClient("client_assertion is required with client_assertion_type.");
        return Read(token) ?? (Result<ClientAssertion>)OAuthErrors.InvalidClient("client_assertion is not a signed JWT naming the client in sub.");
    }

    private static ClientAssertion? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var h = header.RootElement;
            if (h.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object) return null;
            // RFC 7515 §4.1.11: we understand no extension, so a critical one makes the JWS invalid.
            if (h.TryGetProperty("crit", out _)) return null;
            var alg = String(h, "alg");
            var kid = String(h, "kid");
            var sub = String(payload.RootElement, ClaimNames.Subject);
            if (alg is null || sub is null) return null;
            return new ClientAssertion(sub, alg, kid, payload.RootElement.Clone(),
                Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1])), Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
