using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.ClientCredentials;

/// <summary>
/// RFC 6749 §4.4: a confidential client (a service account) gets an access token for itself.
/// §4.4.3: no refresh token; there is no user, so no ID token and none of the user scopes.
/// </summary>
public sealed class ClientCredentialsGrant(ScopeCatalog scopes) : IGrantHandler
{
    private static readonly HashSet<string> UserScopes =
        [StandardScopes.OpenId, StandardScopes.Profile, StandardScopes.Email, StandardScopes.OfflineAccess];

    public string GrantType => GrantTypes.ClientCredentials;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.Scope, Primitives.Parameters.ClientId, Primitives.Parameters.Resource,
    };

    public bool AllowsPublicClients => false;
    public ClientCapabilities RequiredCapability => ClientCapabilities.ServiceAccount;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, _) = context;
        var known = await scopes.AllAsync(issuer.RealmName, ct);
        var requested = ScopeList.Parse(request[Primitives.Parameters.Scope]);
        // RFC 6749 §3.3: without a scope parameter, the client's own (non-user) scopes are the default.
        var granted = requested.Count > 0
            ? requested
            : client.AllowedScopes.Where(s => !UserScopes.Contains(s) && known.ContainsKey(s)).ToArray();
        if (await scopes.CheckAsync(issuer.RealmName, client, granted, ct, UserScopes) is { } badScope) return badScope;

        // RFC 8707 §2: resource names the target; it can only narrow the audiences the granted scopes give.
        var audiences = ScopeCatalog.Audiences(known, granted);
        var resources = request.All(Primitives.Parameters.Resource);
        if (resources.FirstOrDefault(r => !audiences.Contains(r)) is { } refused)
            return new OAuthError(ErrorCodes.InvalidTarget, $"The resource '{refused}' is not served by the granted scopes.");

        return new TokenGrant
        {
            Client = client,
            Scopes = granted,
            Audiences = resources.Count > 0 ? resources.Distinct().ToArray() : audiences,
        };
    }
}
