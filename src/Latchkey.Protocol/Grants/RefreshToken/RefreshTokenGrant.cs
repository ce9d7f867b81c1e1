using System.Text;
using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.RefreshToken;

/// <summary>
/// RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2). Rotation is one atomic step in the store
/// (the successor is stored by whichever request consumed the token, on any node). A client with a reuse grace
/// that presents the token it just rotated, within the grace, gets the same successor again and no revocation.
/// </summary>
public sealed class RefreshTokenGrant(IGrantStore grants, IUserStore users, ScopeCatalog scopes, IKeyProtector protector) : IGrantHandler
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

        var successor = RandomToken.Create();
        var keep = client.RefreshTokenReuseGrace > TimeSpan.Zero ? protector.Protect(Encoding.UTF8.GetBytes(successor)) : null;
        var rotation = await grants.RotateRefreshTokenAsync(
            new RefreshRotationRequest(issuer.RealmName, client.ClientId, RandomToken.Hash(handle), RandomToken.Hash(successor), keep, now), ct);
        var issued = await IssuedSuccessorAsync(rotation, context, successor, ct);
        if (!issued.Succeeded) return issued.Error!;
        var record = rotation.Record!;

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
            RotatedRefreshToken = issued.Value,
            RefreshTokenExpiresAt = record.ExpiresAt,
            AuthTime = record.AuthTime,
            SessionId = record.SessionId,
            Amr = record.Amr,
        };
    }

    /// <summary>The refresh token to hand out: the new successor, or within the grace the one handed out before.</summary>
    private async ValueTask<Result<string>> IssuedSuccessorAsync(RefreshRotation rotation, TokenRequestContext context, string successor,
        CancellationToken ct)
    {
        var (_, client, _, now) = context;
        switch (rotation.Outcome)
        {
            case RotationOutcome.Rotated:
                return successor;
            case RotationOutcome.Expired:
                return OAuthErrors.InvalidGrant("The refresh token has expired.");
            case RotationOutcome.AlreadyRotated when WithinGrace(rotation, client, now):
                return Encoding.UTF8.GetString(protector.Unprotect(rotation.ProtectedSuccessor!));
            case RotationOutcome.AlreadyRotated:
                // RFC 9700 §4.14.2: a rotated token presented again, after the grace or once its successor was used,
                // means one of the two holders is an attacker: the family and its access tokens are revoked.
                await grants.RevokeGrantAsync(rotation.Record!.Realm, rotation.Record.GrantId, now, ct);
                context.Audit.Record(TokenAudit.ReuseDetected(context, rotation.Record.GrantId));
                return OAuthErrors.InvalidGrant("The refresh token has already been used.");
            default:
                return OAuthErrors.InvalidGrant("The refresh token is invalid.");
        }
    }

    /// <summary>
    /// The same client, the token it rotated less than its grace ago, and a successor nobody has used yet: two tabs
    /// or a retry, not a thief (a thief sharing the successor is caught at the next rotation).
    /// </summary>
    private static bool WithinGrace(RefreshRotation rotation, Client client, DateTimeOffset now) =>
        client.RefreshTokenReuseGrace > TimeSpan.Zero && rotation is { ProtectedSuccessor: not null, SuccessorActive: true, RotatedAt: { } at }
        && now < at + client.RefreshTokenReuseGrace;
}
