using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Endpoints.UserInfo;

/// <summary>OIDC Core §5.3: the claims of the user an access token was issued for, by its scopes (§5.4).</summary>
public sealed class UserInfoEndpoint(AccessTokenValidator validator, IUserStore users)
{
    public sealed record UserInfoResult(User User, IReadOnlyList<string> Scopes);

    public async ValueTask<Result<UserInfoResult>> HandleAsync(IssuerContext issuer, string? accessToken, CancellationToken ct)
    {
        // RFC 6750 §3.1: no token at all gets a bare challenge, not an error code.
        if (accessToken is null) return new OAuthError("", null, 401);
        var token = await validator.ValidateAsync(issuer, accessToken, ct);
        if (token is null) return OAuthErrors.InvalidToken("The access token is invalid or has expired.");
        if (!token.Scopes.Contains(StandardScopes.OpenId))
            return OAuthErrors.InsufficientScope("The access token does not carry the openid scope.");
        var user = token.Subject is null ? null : await users.FindByIdAsync(issuer.RealmName, token.Subject, ct);
        if (user is null || !user.Enabled) return OAuthErrors.InvalidToken("The access token's user is unknown.");
        return new UserInfoResult(user, token.Scopes);
    }

    public static void Write(Utf8JsonWriter writer, UserInfoResult result)
    {
        writer.WriteStartObject();
        writer.WriteString(ClaimNames.Subject, result.User.Id);
        UserClaims.Write(writer, result.User, result.Scopes);
        writer.WriteEndObject();
    }
}
