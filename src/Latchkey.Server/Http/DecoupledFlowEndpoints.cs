using System.Text.Json;
using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.BackchannelAuthentication;
using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Server.Http;

/// <summary>
/// The endpoints that start a flow the user finishes on another device: /device_authorization (RFC 8628 §3.1)
/// and /bc-authorize (CIBA Core §7). Their pages are Pages/Device and Pages/Ciba.
/// </summary>
public static class DecoupledFlowEndpoints
{
    private const string Realm = "/realms/{realm}";

    public static void MapLatchkeyDecoupledFlows(this IEndpointRouteBuilder app)
    {
        app.MapPost(Realm + EndpointPaths.DeviceAuthorization, (HttpContext http, string realm, IssuerResolver issuers,
                DeviceAuthorizationEndpoint endpoint, ILogger<DeviceAuthorizationEndpoint> log) =>
            HandleAsync(http, realm, issuers, endpoint.HandleAsync, (r, w) => r.Write(w), log));
        app.MapPost(Realm + EndpointPaths.BackchannelAuthentication, (HttpContext http, string realm, IssuerResolver issuers,
                BackchannelAuthenticationEndpoint endpoint, ILogger<BackchannelAuthenticationEndpoint> log) =>
            HandleAsync(http, realm, issuers, endpoint.HandleAsync, (r, w) => r.Write(w), log));
        // RFC 8628 §3.1 and CIBA Core §7.1: the client makes an HTTP POST request.
        app.MapMethods(Realm + EndpointPaths.DeviceAuthorization, ["GET", "PUT", "DELETE", "PATCH"], MethodNotAllowed);
        app.MapMethods(Realm + EndpointPaths.BackchannelAuthentication, ["GET", "PUT", "DELETE", "PATCH"], MethodNotAllowed);
    }

    private static async Task HandleAsync<T>(HttpContext http, string realm, IssuerResolver issuers,
        Func<IssuerContext, OAuthRequest, CancellationToken, ValueTask<Result<T>>> handle, Action<T, Utf8JsonWriter> write, ILogger log)
    {
        var (issuer, request) = await ProtocolRequest.ReadFormAsync(http, realm, issuers, log);
        if (issuer is null || request is null) return;
        var result = await handle(issuer, request, http.RequestAborted);
        // A JSON body carrying a secret handle (device_code, auth_req_id): never cached (RFC 6749 §5.1).
        if (result.Succeeded) await ProtocolResponses.WriteJsonAsync(http, w => write(result.Value!, w));
        else await ProtocolResponses.WriteErrorAsync(http, result.Error!, log);
    }

    private static Task MethodNotAllowed(HttpContext http, ILogger<DeviceAuthorizationEndpoint> log)
    {
        http.Response.Headers.Allow = "POST";
        return ProtocolResponses.WriteErrorAsync(http, new OAuthError(ErrorCodes.InvalidRequest, "Use POST.", 405), log);
    }
}
