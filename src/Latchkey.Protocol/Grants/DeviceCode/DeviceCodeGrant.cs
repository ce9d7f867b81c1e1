using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.DeviceCode;

/// <summary>
/// RFC 8628 §3.4–§3.5: the device polls with its device code until the user has decided at the verification
/// page. Pending → authorization_pending (or slow_down when polled too fast), denied → access_denied,
/// expired → expired_token, approved → the tokens, exactly once.
/// </summary>
public sealed class DeviceCodeGrant(IDeviceAuthorizationStore devices, IGrantStore grants, IUserStore users, ScopeCatalog scopes) : IGrantHandler
{
    /// <summary>§3.5: slow_down adds 5 seconds to the interval, for this and all later requests.</summary>
    public const int SlowDownSeconds = 5;

    public string GrantType => GrantTypes.DeviceCode;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.DeviceCode, Primitives.Parameters.ClientId,
    };

    public bool AllowsPublicClients => true;
    public ClientCapabilities RequiredCapability => ClientCapabilities.DeviceAuthorizationGrant;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, now) = context;
        var deviceCode = request[Primitives.Parameters.DeviceCode];
        if (deviceCode is null) return OAuthErrors.InvalidRequest("device_code is required.");

        var hash = RandomToken.Hash(deviceCode);
        // §3.4: a device code is bound to the client it was issued to; any other client does not find it.
        var record = await devices.FindByDeviceCodeAsync(issuer.RealmName, client.ClientId, hash, ct);
        if (record is null) return OAuthErrors.InvalidGrant("The device code is invalid.");
        if (record.Status == DeviceAuthorizationStatus.Approved) return await RedeemAsync(context, hash, ct);
        if (record.ExpiresAt <= now) return OAuthErrors.ExpiredToken("The device code has expired; start again.");
        if (record.Status == DeviceAuthorizationStatus.Denied) return OAuthErrors.AccessDenied("The user denied the request.");
        return await PendingAsync(issuer.RealmName, record, hash, now, ct);
    }

    /// <summary>
    /// §3.5: a poll sooner than the interval after the previous one gets slow_down, and the interval grows by
    /// 5 seconds from then on. A poll that loses the race against a simultaneous one was too fast as well.
    /// </summary>
    private async ValueTask<Result<TokenGrant>> PendingAsync(string realm, DeviceAuthorizationRecord record, string hash, DateTimeOffset now,
        CancellationToken ct)
    {
        var tooFast = record.LastPolledAt is { } last && now - last < TimeSpan.FromSeconds(record.IntervalSeconds);
        var interval = tooFast ? record.IntervalSeconds + SlowDownSeconds : record.IntervalSeconds;
        var recorded = await devices.TryRecordPollAsync(realm, hash, record.LastPolledAt, now, interval, ct);
        return tooFast || !recorded
            ? OAuthErrors.SlowDown($"Polling too fast; wait at least {interval} seconds between requests.")
            : OAuthErrors.AuthorizationPending("The user has not yet approved the request.");
    }

    /// <summary>Consumption comes first and is atomic, like a code's: of two polls, one gets the tokens.</summary>
    private async ValueTask<Result<TokenGrant>> RedeemAsync(TokenRequestContext context, string hash, CancellationToken ct)
    {
        var (issuer, client, _, now) = context;
        var consumed = await devices.TryConsumeAsync(issuer.RealmName, client.ClientId, hash, now, ct);
        var redeemed = await SingleUse.RedeemedAsync(consumed, d => d.Approval!.GrantId, grants, issuer.RealmName, now, "device code", ct);
        if (!redeemed.Succeeded) return redeemed.Error!;
        var record = redeemed.Value!;
        if (record.ExpiresAt <= now) return OAuthErrors.ExpiredToken("The device code has expired; start again.");

        var approval = record.Approval!;
        var user = await SingleUse.ActiveUserAsync(users, issuer.RealmName, approval.UserId, ct);
        if (!user.Succeeded) return user.Error!;

        return await UserAuthorization.TokensAsync(scopes, issuer.RealmName, client, user.Value!, record.Scopes, approval.GrantId,
            approval.AuthTime, approval.SessionId, approval.Amr, nonce: null, ct);
    }
}
