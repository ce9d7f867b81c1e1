using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>Which token each claim goes into, as OpenIddict's samples decide it: profile and email claims also into the ID token when their scope was granted.</summary>
public static class ClaimDestinations
{
    public static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        Claims.Name when claim.Subject!.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Email when claim.Subject!.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
