using System.Text.Json.Nodes;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Introspection;

/// <summary>RFC 9701: the introspection answer as a JWT signed by the realm, for the calling resource server.</summary>
public sealed class IntrospectionJwt(IKeyRing keys, TimeProvider clock)
{
    public const string MediaType = "application/token-introspection+jwt";
    public const string JwtType = "token-introspection+jwt";

    public async ValueTask<string> WriteAsync(IssuerContext issuer, IntrospectionEndpoint.Answer answer, CancellationToken ct)
    {
        var key = await keys.SigningKeyAsync(issuer.RealmName, issuer.Realm.SigningAlgorithm, ct);
        return JwtWriter.Write(key, JwtType, w =>
        {
            // §5: iss, aud (the caller), iat, and the answer under token_introspection.
            w.WriteString(ClaimNames.Issuer, issuer.Issuer);
            w.WriteString(ClaimNames.Audience, answer.Caller.ClientId);
            w.WriteNumber(ClaimNames.IssuedAt, clock.GetUtcNow().ToUnixTimeSeconds());
            w.WritePropertyName("token_introspection");
            answer.Claims.WriteTo(w);
        });
    }
}
