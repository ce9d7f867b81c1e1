using System.Text.Json;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>
/// CIBA Core §10.2: the notification a ping client gets once the user has decided — a POST of {"auth_req_id"} to
/// its notification endpoint with its client_notification_token as the Bearer token. Both values must be sent in
/// clear, so between the request and the decision (possibly on another node) they are kept encrypted.
/// </summary>
public sealed record CibaPing(string ClientId, string Endpoint, string NotificationToken, string AuthReqId)
{
    public static byte[] Protect(IKeyProtector protector, string notificationToken, string authReqId) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new[] { notificationToken, authReqId }));

    /// <summary>Null when the protected payload cannot be read (keys lost or data damaged): nothing can be sent then.</summary>
    public static CibaPing? Unprotect(IKeyProtector protector, string clientId, string endpoint, byte[] protectedNotification)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(protector.Unprotect(protectedNotification));
            return parts is [var token, var authReqId] ? new CibaPing(clientId, endpoint, token, authReqId) : null;
        }
        catch (Exception e) when (e is JsonException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string Body() => JsonSerializer.Serialize(new Dictionary<string, string> { ["auth_req_id"] = AuthReqId });
}
