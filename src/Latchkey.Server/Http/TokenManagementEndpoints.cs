using System.Text.Json;
using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.Introspection;
using Latchkey.Protocol.Endpoints.Revocation;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Http;

/// <summary>/introspect and /revoke: what resource servers and clients ask about tokens after issuance.</summary>
public static class TokenManagementEndpoints
{
    private const string Realm = "/realms/{realm}";

    public static void MapLatchkeyTokenManagement(this IEndpointRouteBuilder app)
    {
        app.MapPost(Realm + EndpointPaths.Introspect, Introspect);
        app.MapPost(Realm + EndpointPaths.Revoke, Revoke);
    }

    private static async Task Introspect(HttpContext http, string realm, IssuerResolver issuers, IntrospectionEndpoint endpoint,
        IntrospectionJwt jwt, ILogger<IntrospectionEndpoint> log)
    {
        var (issuer, request) = await ProtocolRequest.ReadFormAsync(http, realm, issuers, log);
        if (issuer is null || request is null) return;
        var result = await endpoint.HandleAsync(issuer, request, http.RequestAborted);
        if (!result.Succeeded)
        {
            await ProtocolResponses.WriteErrorAsync(http, result.Error!, log);
            return;
        }
        // RFC 9701 §4: the signed form only when the caller asks for it.
        if (http.Request.Headers.Accept.ToString().Contains(IntrospectionJwt.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = IntrospectionJwt.MediaType;
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(await jwt.WriteAsync(issuer, result.Value!, http.RequestAborted), http.RequestAborted);
            return;
        }
        await ProtocolResponses.WriteJsonAsync(http, w => result.Value!.Claims.WriteTo(w));
    }

    private static async Task Revoke(HttpContext http, string realm, IssuerResolver issuers, RevocationEndpoint endpoint, ILogger<RevocationEndpoint> log)
    {
        var (issuer, request) = await ProtocolRequest.ReadFormAsync(http, realm, issuers, log);
        if (issuer is null || request is null) return;
        var error = await endpoint.HandleAsync(issuer, request, http.RequestAborted);
        if (error is not null)
        {
            await ProtocolResponses.WriteErrorAsync(http, error, log);
            return;
        }
        http.Response.Headers.CacheControl = "no-store";
        http.Response.StatusCode = StatusCodes.Status200OK;
    }
}
