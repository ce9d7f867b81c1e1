using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Grants.Password;

/// <summary>
/// RFC 6749 §4.3, discouraged (RFC 9700 §2.4): only for clients given direct access grants. The
/// password goes through the same throttle as the login page. An ID token is issued when openid is
/// asked and the realm allows it (Realm.PasswordGrantIdTokens): the user did authenticate, with a password (amr pwd).
/// </summary>
public sealed class ResourceOwnerPasswordGrant(IPasswordAuthenticator passwords, ScopeCatalog scopes, TimeProvider clock) : IGrantHandler
{
    private static readonly string[] PasswordAmr = ["pwd"];

    public string GrantType => GrantTypes.Password;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.Username, Primitives.Parameters.Password,
        Primitives.Parameters.Scope, Primitives.Parameters.ClientId,
    };

    public bool AllowsPublicClients => true;
    public ClientCapabilities RequiredCapability => ClientCapabilities.DirectAccessGrants;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, _) = context;
        var username = request[Primitives.Parameters.Username];
        var password = request[Primitives.Parameters.Password];
        if (username is null || password is null) return OAuthErrors.InvalidRequest("username and password are required.");

        var requested = ScopeList.Parse(request[Primitives.Parameters.Scope]);
        if (await scopes.CheckAsync(issuer.RealmName, client, requested, ct) is { } badScope) return badScope;

        var check = await passwords.AuthenticateAsync(issuer.RealmName, username, password, request.RemoteAddress, ct);
        if (check.User is null) return OAuthErrors.InvalidGrant(check.Failure!);

        return new TokenGrant
        {
            Client = client,
            User = check.User,
            Scopes = requested,
            Audiences = await scopes.AudiencesAsync(issuer.RealmName, requested, ct),
            IssueIdToken = requested.Contains(StandardScopes.OpenId) && issuer.Realm.PasswordGrantIdTokens,
            IssueRefreshToken = client.AlwaysIssueRefreshToken || requested.Contains(StandardScopes.OfflineAccess),
            AuthTime = clock.GetUtcNow(),
            Amr = PasswordAmr,
        };
    }
}
