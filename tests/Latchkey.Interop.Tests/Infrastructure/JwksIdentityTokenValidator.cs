using System.Security.Claims;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// OidcClient 7.1.1's default <see cref="IIdentityTokenValidator"/> only decodes the ID token. This one does
/// what OIDC Core §3.1.3.7 asks: signature against the JWKS OidcClient loaded from discovery, iss, aud,
/// exp, and the nonce of the request (which OidcClient does not hand to its validator, so the test sets it).
/// </summary>
public sealed class JwksIdentityTokenValidator : IIdentityTokenValidator
{
    /// <summary>The nonce the authorization request carried; null when it carried none.</summary>
    public string? ExpectedNonce { get; set; }

    /// <summary>OIDC Core §12.2: an ID token from a refresh SHOULD NOT carry a nonce, and if it does it is the original one.</summary>
    public bool NonceMayBeAbsent { get; set; }

    public int Validated { get; private set; }

    public async Task<IdentityTokenValidationResult> ValidateAsync(string identityToken, OidcClientOptions options, CancellationToken cancellationToken = default)
    {
        JsonWebToken token;
        try
        {
            token = await JwksValidator.ValidateAsync(options.ProviderInformation.KeySet?.RawData ?? "", identityToken,
                options.ProviderInformation.IssuerName, options.ClientId);
        }
        catch (Exception e)
        {
            return new IdentityTokenValidationResult { Error = e.Message };
        }

        var nonce = token.TryGetPayloadValue<string>("nonce", out var n) ? n : null;
        if (nonce != ExpectedNonce && !(nonce is null && NonceMayBeAbsent))
            return new IdentityTokenValidationResult { Error = $"nonce {nonce ?? "(none)"}, expected {ExpectedNonce ?? "(none)"}" };
        if (token.TryGetPayloadValue<string>("azp", out var azp) && azp != options.ClientId)
            return new IdentityTokenValidationResult { Error = $"azp {azp}" };

        Validated++;
        return new IdentityTokenValidationResult
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "oidc", "name", "role")),
            SignatureAlgorithm = token.Alg,
        };
    }
}
