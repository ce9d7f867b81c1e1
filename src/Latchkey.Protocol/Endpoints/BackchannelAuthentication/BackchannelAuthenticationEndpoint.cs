using System.Globalization;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>
/// CIBA Core §7: a client that knows who the user is (a call centre, a point of sale) asks for that user to be
/// authenticated on their own device. Validated per §7.1–§7.2, stored, and answered per §7.3; the user then
/// decides on the approval page. The host has already required POST and a form.
/// </summary>
public sealed class BackchannelAuthenticationEndpoint(
    ClientAuthentication authenticateClient,
    ScopeCatalog scopes,
    CibaUserHint hints,
    IPasswordAuthenticator passwords,
    IBackchannelAuthenticationStore store,
    IKeyProtector protector,
    CibaSettings settings,
    TimeProvider clock)
{
    /// <summary>§7.1 leaves the length to the server; the message is read on a phone next to the client's screen.</summary>
    public const int MaxBindingMessageLength = 100;

    /// <summary>§7.1: the client_notification_token MUST NOT exceed 1024 characters.</summary>
    public const int MaxNotificationTokenLength = 1024;

    public async ValueTask<Result<BackchannelAuthenticationResponse>> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;

        // §7.1: the client authenticates as registered; a public client cannot, so CIBA is not for it.
        var authenticated = await authenticateClient.AuthenticateAsync(issuer, EndpointPaths.BackchannelAuthentication, request, ct);
        if (!authenticated.Succeeded) return authenticated.Error!;
        var client = authenticated.Value!;
        if (client.IsPublic || !client.Has(ClientCapabilities.Ciba))
            return OAuthErrors.UnauthorizedClient("The client is not allowed to use CIBA.");

        var requested = ScopeList.Parse(request[Parameters.Scope]);
        if (!requested.Contains(StandardScopes.OpenId)) return OAuthErrors.InvalidRequest("scope must contain openid.");
        if (await scopes.CheckAsync(issuer.RealmName, client, requested, ct) is { } badScope) return badScope;

        if (CheckBindingMessage(request[Parameters.BindingMessage]) is { } badMessage) return badMessage;
        var expiry = ExpirySeconds(request[Parameters.RequestedExpiry]);
        if (!expiry.Succeeded) return expiry.Error!;
        var notificationToken = request[Parameters.ClientNotificationToken];
        if (CheckNotificationToken(client, notificationToken) is { } badToken) return badToken;

        var user = await hints.ResolveAsync(issuer, client, request, ct);
        if (!user.Succeeded) return user.Error!;
        if (await CheckUserCodeAsync(issuer.RealmName, client, user.Value!.Username, request, ct) is { } badCode) return badCode;

        var now = clock.GetUtcNow();
        // §7.3: auth_req_id needs at least 128 bits of entropy; ours has 256, stored hashed.
        var authReqId = RandomToken.Create();
        await store.StoreAsync(new BackchannelAuthenticationRecord
        {
            AuthReqIdHash = RandomToken.Hash(authReqId),
            Realm = issuer.RealmName,
            ClientId = client.ClientId,
            UserId = user.Value.Id,
            Scopes = requested,
            BindingMessage = request[Parameters.BindingMessage],
            AcrValues = request[Parameters.AcrValues],
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(expiry.Value),
            IntervalSeconds = settings.PollingIntervalSeconds,
            ProtectedNotification = client.BackchannelTokenDeliveryMode == BackchannelTokenDeliveryMode.Ping
                ? CibaPing.Protect(protector, notificationToken!, authReqId)
                : null,
        }, ct);
        return new BackchannelAuthenticationResponse(authReqId, expiry.Value, settings.PollingIntervalSeconds);
    }

    private static OAuthError? CheckBindingMessage(string? message) =>
        message is not null && (message.Length > MaxBindingMessageLength || message.Any(char.IsControl))
            ? new OAuthError(ErrorCodes.InvalidBindingMessage, $"binding_message must be plain text of at most {MaxBindingMessageLength} characters.")
            : null;

    /// <summary>§7.1 requested_expiry: a positive integer of seconds; more than the server allows is shortened.</summary>
    private Result<int> ExpirySeconds(string? requested)
    {
        if (requested is null) return settings.DefaultExpirySeconds;
        if (!int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            return OAuthErrors.InvalidRequest("requested_expiry must be a positive integer.");
        return Math.Min(seconds, settings.MaxExpirySeconds);
    }

    /// <summary>§7.1: required in ping mode; it is sent back as a Bearer token (RFC 6750 §2.1 b64token).</summary>
    private static OAuthError? CheckNotificationToken(Client client, string? token)
    {
        if (client.BackchannelTokenDeliveryMode != BackchannelTokenDeliveryMode.Ping) return null;
        if (token is null) return OAuthErrors.InvalidRequest("client_notification_token is required in ping mode.");
        return token.Length > MaxNotificationTokenLength || !token.All(IsB64TokenChar)
            ? OAuthErrors.InvalidRequest("client_notification_token must be a bearer token of at most 1024 characters.")
            : null;
    }

    private static bool IsB64TokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '=';

    /// <summary>
    /// §7.1 user_code: "a secret code, such as a password or pin, known only to the user but verifiable by the OP".
    /// Ours is the user's password, checked with the same throttling and lockout as the login page. Only clients
    /// registered with backchannel_user_code_parameter send it (§4); for them it is required (missing_user_code).
    /// </summary>
    private async ValueTask<OAuthError?> CheckUserCodeAsync(string realm, Client client, string username, OAuthRequest request, CancellationToken ct)
    {
        if (!client.BackchannelUserCodeParameter) return null;
        if (request[Parameters.UserCode] is not { Length: > 0 } userCode)
            return new OAuthError(ErrorCodes.MissingUserCode, "user_code is required for this client.");
        var check = await passwords.AuthenticateAsync(realm, username, userCode, request.RemoteAddress, ct);
        return check.User is null ? new OAuthError(ErrorCodes.InvalidUserCode, "The user_code is not valid.") : null;
    }
}
