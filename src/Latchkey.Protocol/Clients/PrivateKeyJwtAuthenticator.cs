using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>
/// private_key_jwt (OIDC Core §9, RFC 7523 §2.2): an assertion signed with a key from the client's JWK Set,
/// registered inline or published at its jwks_uri.
/// </summary>
public sealed class PrivateKeyJwtAuthenticator(IClientJwksSource jwksSource, ClientAssertionAcceptance acceptance) : IClientAuthenticator
{
    public string Method => ClientAuthMethods.PrivateKeyJwt;

    /// <summary>Every assertion that is not HMAC is this method's, so that a bad alg ("none") is refused here rather than ignored.</summary>
    public Result<ClientCredentials>? Extract(OAuthRequest request)
    {
        var read = ClientAssertion.From(request);
        if (read is null) return null;
        if (!read.Value.Succeeded) return read.Value.Error!;
        var assertion = read.Value.Value!;
        if (assertion.IsHmac) return null;
        return new ClientCredentials(Method, assertion.ClientId, null, assertion);
    }

    public async ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct)
    {
        var assertion = credentials.Assertion!;
        if (!ClientAssertionAlgorithms.Asymmetric.Contains(assertion.Algorithm)) return $"alg '{assertion.Algorithm}' is not allowed";
        var verified = await VerifySignatureAsync(client, assertion, refresh: false, ct);
        // A kid we do not know yet is how a key rollover looks from here: fetch the client's set again.
        if (verified is null && client.JwksUri is not null) verified = await VerifySignatureAsync(client, assertion, refresh: true, ct);
        if (verified is null) return "no registered key matches the assertion's kid and alg";
        if (verified == false) return "signature did not verify";
        return await acceptance.AcceptAsync(client, assertion, context, ct);
    }

    /// <summary>Null when no key fits the assertion's kid and alg; otherwise whether one of the fitting keys verifies it.</summary>
    private async ValueTask<bool?> VerifySignatureAsync(Client client, ClientAssertion assertion, bool refresh, CancellationToken ct)
    {
        var json = client.Jwks ?? (client.JwksUri is { } uri ? await jwksSource.GetAsync(uri, refresh, ct) : null);
        if (json is null) return null;
        var keys = ClientJsonWebKey.ParseSet(json);
        try
        {
            // OIDC Core §10.1: without a kid the set must leave no doubt; trying each fitting key is equivalent.
            var fitting = keys.Where(k => k.Fits(assertion.Algorithm) && (assertion.KeyId is null || k.KeyId == assertion.KeyId)).ToArray();
            if (fitting.Length == 0) return null;
            return fitting.Any(k => k.Verify(assertion.Algorithm, assertion.SigningInput, assertion.Signature));
        }
        finally
        {
            foreach (var key in keys) key.Dispose();
        }
    }
}
