using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>
/// The authorization endpoint as OpenIddict's samples write it: a user not signed in is sent to the login page
/// (cookie authentication); consent is remembered as a permanent authorization for the client and scopes, created
/// with the first sign-in (as node-oidc-provider's bench peer gives it) and found on every later request.
/// </summary>
public static class AuthorizeEndpoint
{
    public static void MapAuthorizeEndpoint(this WebApplication app) => app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, IOpenIddictScopeManager scopes)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var login = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!login.Succeeded)
        {
            var back = new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString };
            return Results.Challenge(back, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("unknown client");
        var applicationId = await applications.GetIdAsync(application, http.RequestAborted);
        var subject = login.Principal!.FindFirst(Claims.Subject)!.Value;

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Email, BenchUser.Email).SetClaim(Claims.Name, BenchUser.Name);
        // A refresh token with every code, as Latchkey's bench-web client (alwaysIssueRefreshToken) and node-oidc-provider's.
        identity.SetScopes(request.GetScopes().Add(Scopes.OfflineAccess));
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(identity.GetScopes(), http.RequestAborted)) resources.Add(resource);
        identity.SetResources(resources);

        object? authorization = null;
        await foreach (var found in authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent,
            identity.GetScopes(), http.RequestAborted))
        {
            authorization = found;
            break;
        }
        authorization ??= await authorizations.CreateAsync(identity, subject, applicationId!, AuthorizationTypes.Permanent,
            identity.GetScopes(), http.RequestAborted);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, http.RequestAborted));
        identity.SetDestinations(ClaimDestinations.For);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
