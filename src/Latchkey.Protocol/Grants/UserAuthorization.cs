using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Grants;

/// <summary>
/// The tokens a user's approval turns into, the same whichever way it was given (a redeemed code, an
/// approved device request): an ID token when openid was granted (OIDC Core §3.1.3.3), a refresh token
/// with offline_access (§11) or when the client always gets one.
/// </summary>
public static class UserAuthorization
{
    public static async ValueTask<TokenGrant> TokensAsync(ScopeCatalog scopes, string realm, Client client, User user,
        IReadOnlyList<string> granted, string grantId, DateTimeOffset authTime, string? sessionId, IReadOnlyList<string> amr,
        string? nonce, CancellationToken ct) => new()
    {
        Client = client,
        User = user,
        Scopes = granted,
        Audiences = await scopes.AudiencesAsync(realm, granted, ct),
        GrantId = grantId,
        IssueIdToken = granted.Contains(StandardScopes.OpenId),
        IssueRefreshToken = client.AlwaysIssueRefreshToken || granted.Contains(StandardScopes.OfflineAccess),
        Nonce = nonce,
        AuthTime = authTime,
        SessionId = sessionId,
        Amr = amr,
    };
}
