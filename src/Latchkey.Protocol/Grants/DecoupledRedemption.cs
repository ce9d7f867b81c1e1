using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants;

/// <summary>
/// The token request for a request the user decides elsewhere, the same for device codes (RFC 8628 §3.4–§3.5) and
/// CIBA (CIBA Core §10.1, §11): approved → the tokens, exactly once; expired → expired_token; denied →
/// access_denied; pending → authorization_pending, or slow_down for a poll sooner than the interval after the
/// previous one, and the interval grows by 5 seconds from then on.
/// </summary>
public sealed class DecoupledRedemption(IGrantStore grants, IUserStore users, ScopeCatalog scopes)
{
    public const int SlowDownSeconds = 5;

    /// <param name="what">How the handle is named in error descriptions ("device code", "auth_req_id").</param>
    /// <param name="recordPoll">
    /// Records a poll with the interval now in force, only if no other poll was recorded since the given previous one:
    /// of two simultaneous polls, the one that loses was too fast as well.
    /// </param>
    /// <param name="consume">The store's atomic single-use redemption of the approved request.</param>
    public async ValueTask<Result<TokenGrant>> HandleAsync<T>(TokenRequestContext context, T? record, string what,
        Func<DateTimeOffset?, int, ValueTask<bool>> recordPoll, Func<ValueTask<Consumption<T>>> consume, CancellationToken ct)
        where T : class, IDecoupledRequest
    {
        var now = context.Now;
        if (record is null) return OAuthErrors.InvalidGrant($"The {what} is invalid.");
        if (record.Status == AuthorizationRequestStatus.Approved) return await RedeemAsync(context, what, consume, ct);
        if (record.ExpiresAt <= now) return Expired(what);
        if (record.Status == AuthorizationRequestStatus.Denied) return OAuthErrors.AccessDenied("The user denied the request.");

        var tooFast = record.LastPolledAt is { } last && now - last < TimeSpan.FromSeconds(record.IntervalSeconds);
        var interval = tooFast ? record.IntervalSeconds + SlowDownSeconds : record.IntervalSeconds;
        var recorded = await recordPoll(record.LastPolledAt, interval);
        return tooFast || !recorded
            ? OAuthErrors.SlowDown($"Polling too fast; wait at least {interval} seconds between requests.")
            : OAuthErrors.AuthorizationPending("The user has not yet approved the request.");
    }

    /// <summary>Consumption comes first and is atomic, like a code's: of two requests, one gets the tokens.</summary>
    private async ValueTask<Result<TokenGrant>> RedeemAsync<T>(TokenRequestContext context, string what, Func<ValueTask<Consumption<T>>> consume,
        CancellationToken ct) where T : class, IDecoupledRequest
    {
        var (issuer, client, _, now) = context;
        var redeemed = await SingleUse.RedeemedAsync(await consume(), r => r.Approval!.GrantId, grants, context, what, ct);
        if (!redeemed.Succeeded) return redeemed.Error!;
        var record = redeemed.Value!;
        if (record.ExpiresAt <= now) return Expired(what);

        var approval = record.Approval!;
        var user = await SingleUse.ActiveUserAsync(users, issuer.RealmName, approval.UserId, ct);
        if (!user.Succeeded) return user.Error!;
        return await UserAuthorization.TokensAsync(scopes, issuer.RealmName, client, user.Value!, record.Scopes, approval.GrantId,
            approval.AuthTime, approval.SessionId, approval.Amr, nonce: null, ct);
    }

    private static OAuthError Expired(string what) => OAuthErrors.ExpiredToken($"The {what} has expired; start again.");
}
