using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

/// <summary>
/// RFC 8628 §3.1–§3.2: a device without a browser (or a keyboard) asks for a device code to poll with and a
/// user code for the person to type at the verification page. The host has already required POST and a form.
/// </summary>
public sealed class DeviceAuthorizationEndpoint(
    ClientAuthentication authenticateClient,
    ScopeCatalog scopes,
    IDeviceAuthorizationStore store,
    DeviceFlowSettings settings,
    TimeProvider clock)
{
    /// <summary>Fresh user codes drawn before giving up; one collision in 20^8 is already rare.</summary>
    private const int UserCodeDraws = 5;

    public async ValueTask<Result<DeviceAuthorizationResponse>> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;

        // §3.1: client authentication as at the token endpoint (RFC 6749 §3.2.1); public clients send client_id.
        var client = await authenticateClient.AuthenticateAsync(issuer, EndpointPaths.DeviceAuthorization, request, ct);
        if (!client.Succeeded) return client.Error!;
        if (!client.Value!.Has(ClientCapabilities.DeviceAuthorizationGrant))
            return OAuthErrors.UnauthorizedClient("The client is not allowed to use the device authorization grant.");

        var requested = ScopeList.Parse(request[Parameters.Scope]);
        if (await scopes.CheckAsync(issuer.RealmName, client.Value, requested, ct) is { } badScope) return badScope;

        return await IssueAsync(issuer, client.Value, requested, ct);
    }

    private async ValueTask<Result<DeviceAuthorizationResponse>> IssueAsync(IssuerContext issuer, Client client, IReadOnlyList<string> requested,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // §3.2 device_code: 256 random bits, stored hashed like every other handle.
        var deviceCode = RandomToken.Create();
        for (var draw = 0; draw < UserCodeDraws; draw++)
        {
            var userCode = UserCode.Create();
            var stored = await store.TryStoreAsync(new DeviceAuthorizationRecord
            {
                DeviceCodeHash = RandomToken.Hash(deviceCode),
                UserCodeHash = UserCode.Hash(userCode),
                Realm = issuer.RealmName,
                ClientId = client.ClientId,
                Scopes = requested,
                CreatedAt = now,
                ExpiresAt = now.AddSeconds(settings.CodeLifetimeSeconds),
                IntervalSeconds = settings.PollingIntervalSeconds,
            }, ct);
            if (stored) return Response(issuer, deviceCode, UserCode.Display(userCode));
        }
        return new OAuthError(ErrorCodes.TemporarilyUnavailable, "No free user code could be drawn; try again.", 503);
    }

    private DeviceAuthorizationResponse Response(IssuerContext issuer, string deviceCode, string userCode)
    {
        var verificationUri = issuer.Issuer + EndpointPaths.Device;
        // §3.3.1: the code in the URI, so a QR code or a link saves typing it.
        return new DeviceAuthorizationResponse(deviceCode, userCode, verificationUri,
            $"{verificationUri}?{Parameters.UserCode}={Uri.EscapeDataString(userCode)}",
            settings.CodeLifetimeSeconds, settings.PollingIntervalSeconds);
    }
}
