using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.Ciba;

/// <summary>
/// CIBA Core §10.1, §11: the client redeems its auth_req_id, by polling (poll mode) or once notified (ping mode);
/// <see cref="DecoupledRedemption"/> answers. The tokens always include an ID token, since openid was required (§7.1).
/// </summary>
public sealed class CibaGrant(IBackchannelAuthenticationStore requests, DecoupledRedemption redemption) : IGrantHandler
{
    public string GrantType => GrantTypes.Ciba;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.AuthReqId, Primitives.Parameters.ClientId,
    };

    /// <summary>CIBA Core §7.1: only clients that authenticate can make the request this redeems.</summary>
    public bool AllowsPublicClients => false;
    public ClientCapabilities RequiredCapability => ClientCapabilities.Ciba;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, now) = context;
        var authReqId = request[Primitives.Parameters.AuthReqId];
        if (authReqId is null) return OAuthErrors.InvalidRequest("auth_req_id is required.");

        var realm = issuer.RealmName;
        var hash = RandomToken.Hash(authReqId);
        // An auth_req_id is bound to the client it was issued to; any other client does not find it.
        var record = await requests.FindAsync(realm, client.ClientId, hash, ct);
        return await redemption.HandleAsync(context, record, "auth_req_id",
            (previous, interval) => requests.TryRecordPollAsync(realm, hash, previous, now, interval, ct),
            () => requests.TryConsumeAsync(realm, client.ClientId, hash, now, ct), ct);
    }
}
