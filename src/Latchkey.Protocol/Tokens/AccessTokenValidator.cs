using System.Text.Json;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Tokens;

/// <summary>An access token Latchkey issued (RFC 9068 §4): typ at+jwt, and a client_id to say whose it is.</summary>
public sealed class AccessTokenValidator(OwnJwtValidator jwts)
{
    public sealed record ValidAccessToken(string? Subject, string ClientId, IReadOnlyList<string> Scopes, JsonElement Claims);

    public async ValueTask<ValidAccessToken?> ValidateAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        if (await jwts.ValidateAsync(issuer, token, TokenTypes.AccessTokenJwt, ct) is not { } claims) return null;
        var clientId = OwnJwtValidator.String(claims, ClaimNames.ClientId);
        if (clientId is null) return null;
        return new ValidAccessToken(OwnJwtValidator.String(claims, ClaimNames.Subject), clientId,
            ScopeList.Parse(OwnJwtValidator.String(claims, ClaimNames.Scope)), claims);
    }
}
