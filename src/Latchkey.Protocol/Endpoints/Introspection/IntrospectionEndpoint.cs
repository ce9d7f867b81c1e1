using System.Text.Json.Nodes;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Introspection;

/// <summary>
/// RFC 7662. Only authenticated confidential clients may ask: a resource server (the token
/// introspection switch) about access tokens meant for it — its client id in their aud (§4: the AS
/// must decide whether the token can be used at the caller) — and any client about its own tokens.
/// Everything else — expired, revoked, unknown, foreign — is just active:false (§2.2), no detail.
/// </summary>
public sealed class IntrospectionEndpoint(ClientAuthentication authenticateClient, TokenLookup tokens)
{
    public sealed record Answer(Client Caller, JsonObject Claims);

    public async ValueTask<Result<Answer>> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;
        var caller = await authenticateClient.AuthenticateAsync(issuer, EndpointPaths.Introspect, request, ct);
        if (!caller.Succeeded) return caller.Error!;
        if (caller.Value!.IsPublic) return OAuthErrors.InvalidClient("Public clients may not introspect tokens.");
        var token = request[Parameters.Token];
        if (token is null) return OAuthErrors.InvalidRequest("token is required.");

        var found = await tokens.FindAsync(issuer, token, ct);
        var mayKnow = found is not null
            && (found.ClientId == caller.Value.ClientId
                || caller.Value.Has(ClientCapabilities.TokenIntrospection) && found.Access is not null
                   && OwnJwtValidator.Audiences(found.Access.Claims).Contains(caller.Value.ClientId));
        return new Answer(caller.Value, mayKnow ? Describe(issuer, found!) : new JsonObject { ["active"] = false });
    }

    /// <summary>§2.2 members for an active token.</summary>
    private static JsonObject Describe(IssuerContext issuer, IssuedToken token)
    {
        if (token.Access is { } access)
        {
            var claims = JsonNode.Parse(access.Claims.GetRawText())!.AsObject();
            claims["active"] = true;
            claims["token_type"] = TokenTypes.Bearer;
            return claims;
        }
        var refresh = token.Refresh!;
        return new JsonObject
        {
            ["active"] = true,
            [ClaimNames.Issuer] = issuer.Issuer,
            [ClaimNames.Subject] = refresh.UserId,
            [ClaimNames.ClientId] = refresh.ClientId,
            [ClaimNames.Scope] = ScopeList.Join(refresh.Scopes),
            [ClaimNames.IssuedAt] = refresh.CreatedAt.ToUnixTimeSeconds(),
            [ClaimNames.Expires] = refresh.ExpiresAt.ToUnixTimeSeconds(),
            ["token_type"] = Parameters.RefreshToken,
        };
    }
}
