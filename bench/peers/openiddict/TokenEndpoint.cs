using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>The token endpoint as OpenIddict's samples write it: client credentials, and the code and refresh grants
/// (OpenIddict has already checked the code or refresh token; the principal it carries is signed in again).</summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this WebApplication app) => app.MapPost("/connect/token", (Delegate)HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var identity = new ClaimsIdentity(result.Principal!.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetDestinations(ClaimDestinations.For);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (!request.IsClientCredentialsGrantType()) return Results.BadRequest();
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("unknown client");

        var service = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        service.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, http.RequestAborted));
        service.SetScopes(request.GetScopes());
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(service.GetScopes(), http.RequestAborted)) resources.Add(resource);
        service.SetResources(resources);
        service.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(service), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
