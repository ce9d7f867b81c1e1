using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.RefreshToken;

/// <summary>RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2).</summary>
public sealed class RefreshTokenGrant(IGrantStore grants, IUserStore users, ScopeCatalog scopes) : IGrantHandler
{
    public string GrantType => GrantTypes.RefreshToken;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.RefreshToken, Primitives.Parameters.Scope, Primitives.Parameters.ClientId,
    };

    public bool AllowsPublicClients => true;
    public ClientCapabilities RequiredCapability => ClientCapabilities.None;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, now) = context;
        var handle = request[Primitives.Parameters.RefreshToken];
        if (handle is null) return OAuthErrors.InvalidRequest("refresh_token is required.");

        var consumed = await grants.TryConsumeRefreshTokenAsync(issuer.RealmName, client.ClientId, RandomToken.Hash(handle), now, ct);
        var redeemed = await SingleUse.RedeemedAsync(consumed, t => t.GrantId, grants, context, "refresh token", ct);
        if (!redeemed.Succeeded) return redeemed.Error!;
        var record = redeemed.Value!;
        if (record.ExpiresAt <= now) return OAuthErrors.InvalidGrant("The refresh token has expired.");

        var requested = ScopeList.Parse(request[Primitives.Parameters.Scope]);
        // RFC 6749 §6: the requested scope MUST NOT include any scope not originally granted.
        if (requested.Except(record.Scopes).Any()) return OAuthErrors.InvalidScope("The requested scope exceeds the original grant.");
        var granted = requested.Count > 0 ? requested : record.Scopes;

        var user = await SingleUse.ActiveUserAsync(users, issuer.RealmName, record.UserId, ct);
        if (!user.Succeeded) return user.Error!;

        return new TokenGrant
        {
            Client = client,
            User = user.Value,
            Scopes = granted,
            RefreshScopes = record.Scopes,
            Audiences = await scopes.AudiencesAsync(issuer.RealmName, granted, ct),
            GrantId = record.GrantId,
            IssueIdToken = granted.Contains(StandardScopes.OpenId),
            IssueRefreshToken = true,
            RefreshTokenExpiresAt = record.ExpiresAt,
            AuthTime = record.AuthTime,
            SessionId = record.SessionId,
            Amr = record.Amr,
        };
    }
}
