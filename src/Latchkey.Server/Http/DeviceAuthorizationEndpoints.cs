using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Http;

/// <summary>RFC 8628 §3.1: /device_authorization. The verification page is Pages/Device.</summary>
public static class DeviceAuthorizationEndpoints
{
    private const string Realm = "/realms/{realm}";

    public static void MapLatchkeyDeviceAuthorization(this IEndpointRouteBuilder app)
    {
        app.MapPost(Realm + EndpointPaths.DeviceAuthorization, DeviceAuthorization);
        app.MapMethods(Realm + EndpointPaths.DeviceAuthorization, ["GET", "PUT", "DELETE", "PATCH"], MethodNotAllowed);
    }

    private static async Task DeviceAuthorization(HttpContext http, string realm, IssuerResolver issuers, DeviceAuthorizationEndpoint endpoint,
        ILogger<DeviceAuthorizationEndpoint> log)
    {
        var (issuer, request) = await ProtocolRequest.ReadFormAsync(http, realm, issuers, log);
        if (issuer is null || request is null) return;
        var result = await endpoint.HandleAsync(issuer, request, http.RequestAborted);
        // §3.2: a JSON body; it carries the device code, so it is never cached (RFC 6749 §5.1).
        if (result.Succeeded) await ProtocolResponses.WriteJsonAsync(http, result.Value!.Write);
        else await ProtocolResponses.WriteErrorAsync(http, result.Error!, log);
    }

    /// <summary>§3.1: the client makes an HTTP POST request.</summary>
    private static Task MethodNotAllowed(HttpContext http, ILogger<DeviceAuthorizationEndpoint> log)
    {
        http.Response.Headers.Allow = "POST";
        return ProtocolResponses.WriteErrorAsync(http, new OAuthError(ErrorCodes.InvalidRequest, "Use POST.", 405), log);
    }
}
