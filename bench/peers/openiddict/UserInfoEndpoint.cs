using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>The userinfo endpoint as OpenIddict's samples write it: OpenIddict validates the access token, the host answers the claims its scopes allow.</summary>
public static class UserInfoEndpoint
{
    public static void MapUserInfoEndpoint(this WebApplication app) => app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var principal = result.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = principal.GetClaim(Claims.Subject)! };
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = BenchUser.Email;
            claims[Claims.EmailVerified] = true;
        }
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = BenchUser.Name;
            claims[Claims.GivenName] = "Bench";
            claims[Claims.FamilyName] = "User";
        }
        return Results.Ok(claims);
    }
}
