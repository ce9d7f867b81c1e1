using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>The claim rules of RFC 7523 §3 for a client assertion whose signature has been verified.</summary>
public static class ClientAssertionClaims
{
    /// <summary>Clocks of client and server differ; RFC 7523 §3 items 4–6 allow "some small leeway".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>An assertion is for one request now, not a long-lived credential; this bounds how long jti must be kept.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    public const int MaxJtiLength = 256;

    /// <summary>Null when the claims hold; otherwise which rule failed (for the log).</summary>
    public static string? Check(ClientAssertion assertion, string clientId, IReadOnlySet<string> audiences, DateTimeOffset now)
    {
        var claims = assertion.Claims;
        // Item 1 (iss) and item 2 (sub): the client itself, OIDC Core §9.
        if (OwnJwtValidator.String(claims, ClaimNames.Issuer) != clientId) return "iss is not the client_id";
        if (OwnJwtValidator.String(claims, ClaimNames.Subject) != clientId) return "sub is not the client_id";
        // Item 3: aud identifies this authorization server.
        if (!OwnJwtValidator.Audiences(claims).Any(audiences.Contains)) return "aud does not name this server";
        // Item 4: exp is required; the assertion is refused once it has passed.
        if (Time(claims, ClaimNames.Expires) is not { } exp) return "exp is missing";
        if (exp + ClockSkew <= now) return "expired";
        if (exp > now + MaxLifetime + ClockSkew) return "exp is too far in the future";
        // Items 5 and 6: not usable before nbf; iat not in the future.
        if (Time(claims, ClaimNames.NotBefore) is { } nbf && nbf > now + ClockSkew) return "nbf is in the future";
        if (Time(claims, ClaimNames.IssuedAt) is { } iat && iat > now + ClockSkew) return "iat is in the future";
        // Item 7: jti is required here (OIDC Core §9 makes it REQUIRED) so that each assertion is used once.
        if (Jti(assertion) is not { Length: > 0 and <= MaxJtiLength }) return "jti is missing or too long";
        return null;
    }

    public static string? Jti(ClientAssertion assertion) => OwnJwtValidator.String(assertion.Claims, ClaimNames.JwtId);

    /// <summary>How long the jti must be remembered: as long as the assertion would still be accepted.</summary>
    public static DateTimeOffset RememberUntil(ClientAssertion assertion) => Time(assertion.Claims, ClaimNames.Expires)!.Value + ClockSkew;

    /// <summary>RFC 7519 §2 NumericDate: seconds since the epoch, possibly with a fraction.</summary>
    private static DateTimeOffset? Time(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
            return null;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799) return null; // year 9999
        return DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
    }
}
