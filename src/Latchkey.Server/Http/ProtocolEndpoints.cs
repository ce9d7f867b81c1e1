using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.Discovery;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Endpoints.UserInfo;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Server.Http;

/// <summary>The JSON endpoints beneath each realm. Each maps HTTP to the protocol core and back, nothing more.</summary>
public static class ProtocolEndpoints
{
    private const string Realm = "/realms/{realm}";

    public static void MapLatchkeyProtocol(this IEndpointRouteBuilder app)
    {
        app.MapPost(Realm + EndpointPaths.Token, Token);
        app.MapMethods(Realm + EndpointPaths.Token, ["GET", "PUT", "DELETE", "PATCH"], MethodNotAllowed);
        app.MapMethods(Realm + EndpointPaths.UserInfo, ["GET", "POST"], UserInfo);
        app.MapGet(Realm + EndpointPaths.OpenIdConfiguration, Discovery);
        // RFC 8414 §3.1: the well-known suffix goes between the host and the issuer's path.
        app.MapGet("/.well-known/oauth-authorization-server" + Realm, Discovery);
        app.MapGet(Realm + EndpointPaths.Jwks, Jwks);
    }

    private static async Task Token(HttpContext http, string realm, IssuerResolver issuers, TokenEndpoint endpoint, ILogger<TokenEndpoint> log)
    {
        var (issuer, request) = await ProtocolRequest.ReadFormAsync(http, realm, issuers, log);
        if (issuer is null || request is null) return;
        var result = await endpoint.HandleAsync(issuer, request, http.RequestAborted);
        if (result.Succeeded) await ProtocolResponses.WriteTokenAsync(http, result.Value!);
        else await ProtocolResponses.WriteErrorAsync(http, result.Error!, log);
    }

    private static Task MethodNotAllowed(HttpContext http, ILogger<TokenEndpoint> log)
    {
        http.Response.Headers.Allow = "POST";
        return ProtocolResponses.WriteErrorAsync(http, new OAuthError(ErrorCodes.InvalidRequest, "Use POST.", 405), log);
    }

    private static async Task UserInfo(HttpContext http, string realm, IssuerResolver issuers, UserInfoEndpoint endpoint, ILogger<UserInfoEndpoint> log)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) { await NotFound(http, log); return; }
        var token = await BearerToken.ReadAsync(http);
        var result = await endpoint.HandleAsync(issuer, token, http.RequestAborted);
        if (result.Succeeded)
        {
            await ProtocolResponses.WriteJsonAsync(http, w => UserInfoEndpoint.Write(w, result.Value!));
            return;
        }
        var error = result.Error!;
        http.Response.StatusCode = error.Status;
        http.Response.Headers.WWWAuthenticate = BearerToken.Challenge(issuer.Issuer, error);
        if (error.Code.Length > 0) log.LogInformation("userinfo refused: {Error}", error.Code);
    }

    private static async Task Discovery(HttpContext http, string realm, IssuerResolver issuers, GrantHandlers grants, ScopeCatalog scopes, ILogger<TokenEndpoint> log)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) { await NotFound(http, log); return; }
        var all = await scopes.AllAsync(realm, http.RequestAborted);
        await ProtocolResponses.WriteJsonAsync(http, w => DiscoveryDocument.Write(w, issuer, grants.GrantTypes, all.Keys), cacheable: true);
    }

    private static async Task Jwks(HttpContext http, string realm, IssuerResolver issuers, IKeyRing keys, ILogger<TokenEndpoint> log)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) { await NotFound(http, log); return; }
        await keys.SigningKeyAsync(realm, issuer.Realm.SigningAlgorithm, http.RequestAborted);
        var published = await keys.PublishedKeysAsync(realm, http.RequestAborted);
        await ProtocolResponses.WriteJsonAsync(http, w => JwksDocument.Write(w, published), cacheable: true);
    }

    private static Task NotFound(HttpContext http, ILogger log) =>
        ProtocolResponses.WriteErrorAsync(http, AuthorizeFlow.UnknownRealm, log);
}
