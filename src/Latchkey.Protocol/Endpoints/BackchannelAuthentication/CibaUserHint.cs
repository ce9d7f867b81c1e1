using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>
/// CIBA Core §7.1: exactly one hint names the user the client wants to authenticate.
/// <list type="bullet">
/// <item><c>login_hint</c>: the username.</item>
/// <item><c>id_token_hint</c>: an ID token this realm issued to this client (expired is fine: it is only a hint).</item>
/// <item><c>login_hint_token</c>: the format is left to the server; here, an access token this realm issued for the
/// user (e.g. to an app on the user's phone). It must be unexpired (expired_login_hint_token otherwise).</item>
/// </list>
/// A hint that names nobody, or a disabled user, is unknown_user_id (§13).
/// </summary>
public sealed class CibaUserHint(IUserStore users, OwnJwtValidator jwts, TimeProvider clock)
{
    public async ValueTask<Result<User>> ResolveAsync(IssuerContext issuer, Client client, OAuthRequest request, CancellationToken ct)
    {
        var loginHint = request[Parameters.LoginHint];
        var idTokenHint = request[Parameters.IdTokenHint];
        var loginHintToken = request[Parameters.LoginHintToken];
        if (new[] { loginHint, idTokenHint, loginHintToken }.Count(h => h is not null) != 1)
            return OAuthErrors.InvalidRequest("Exactly one of login_hint, id_token_hint and login_hint_token is required.");

        var realm = issuer.RealmName;
        string? subject;
        if (loginHint is not null)
            return Known(await users.FindByUsernameAsync(realm, loginHint, ct));
        if (idTokenHint is not null)
            subject = await IdTokenSubjectAsync(issuer, client, idTokenHint, ct);
        else
        {
            var fromToken = await LoginHintTokenSubjectAsync(issuer, loginHintToken!, ct);
            if (!fromToken.Succeeded) return fromToken.Error!;
            subject = fromToken.Value;
        }
        return Known(subject is null ? null : await users.FindByIdAsync(realm, subject, ct));
    }

    private static Result<User> Known(User? user) =>
        user is { Enabled: true } ? user : new OAuthError(ErrorCodes.UnknownUserId, "The hint does not identify a known user.");

    private async ValueTask<string?> IdTokenSubjectAsync(IssuerContext issuer, Client client, string hint, CancellationToken ct)
    {
        var claims = await jwts.ValidateAsync(issuer, hint, "JWT", ct, acceptExpired: true);
        if (claims is null || !OwnJwtValidator.Audiences(claims.Value).Contains(client.ClientId)) return null;
        return OwnJwtValidator.String(claims.Value, ClaimNames.Subject);
    }

    /// <summary>The subject, null when the token is not ours, or expired_login_hint_token.</summary>
    private async ValueTask<Result<string?>> LoginHintTokenSubjectAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        var claims = await jwts.ValidateAsync(issuer, token, TokenTypes.AccessTokenJwt, ct, acceptExpired: true);
        if (claims is null) return Result<string?>.Ok(null);
        // OwnJwtValidator has already required a numeric exp.
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Value.GetProperty(ClaimNames.Expires).GetInt64());
        if (expires <= clock.GetUtcNow()) return new OAuthError(ErrorCodes.ExpiredLoginHintToken, "The login_hint_token has expired.");
        return OwnJwtValidator.String(claims.Value, ClaimNames.Subject);
    }
}
