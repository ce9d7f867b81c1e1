using Duende.IdentityModel.Validation;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// Duende.IdentityModel extracts the claims of an RFC 9701 answer but checks nothing unless given a
/// validator. This one checks the JWT as RFC 9701 §5 asks: signed by the realm, typ
/// token-introspection+jwt, iss the issuer, aud the caller.
/// </summary>
public sealed class JwksIntrospectionValidator(string jwksJson, string issuer, string clientId) : ITokenIntrospectionJwtResponseValidator
{
    public int Validated { get; private set; }

    public void Validate(string rawJwtResponse)
    {
        JwksValidator.ValidateAsync(jwksJson, rawJwtResponse, issuer, clientId, "token-introspection+jwt", expires: false)
            .GetAwaiter().GetResult();
        Validated++;
    }
}
