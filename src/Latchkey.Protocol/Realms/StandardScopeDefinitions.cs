using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Realms;

/// <summary>The scopes of OIDC Core §5.4 and §11, present in every realm.</summary>
public static class StandardScopeDefinitions
{
    public static readonly IReadOnlyList<ScopeDefinition> All =
    [
        new(StandardScopes.OpenId, "Sign you in with your account", Claims: [ClaimNames.Subject]),
        new(StandardScopes.Profile, "See your name and username",
            Claims: [ClaimNames.Name, ClaimNames.GivenName, ClaimNames.FamilyName, ClaimNames.PreferredUsername]),
        new(StandardScopes.Email, "See your email address", Claims: [ClaimNames.Email, ClaimNames.EmailVerified]),
        new(StandardScopes.OfflineAccess, "Stay connected to your account when you are not using the application"),
    ];
}
