using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.DeviceCode;

/// <summary>
/// RFC 8628 §3.4–§3.5: the device polls with its device code until the user has decided at the verification
/// page; <see cref="DecoupledRedemption"/> answers the poll.
/// </summary>
public sealed class DeviceCodeGrant(IDeviceAuthorizationStore devices, DecoupledRedemption redemption) : IGrantHandler
{
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

        var realm = issuer.RealmName;
        var hash = RandomToken.Hash(deviceCode);
        // §3.4: a device code is bound to the client it was issued to; any other client does not find it.
        var record = await devices.FindByDeviceCodeAsync(realm, client.ClientId, hash, ct);
        return await redemption.HandleAsync(context, record, "device code",
            (previous, interval) => devices.TryRecordPollAsync(realm, hash, previous, now, interval, ct),
            () => devices.TryConsumeAsync(realm, client.ClientId, hash, now, ct), ct);
    }
}
