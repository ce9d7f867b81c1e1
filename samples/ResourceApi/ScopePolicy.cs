using System.Security.Claims;

namespace ResourceApi;

public static class ScopePolicy
{
    public const string Name = "RequiredScope";

    public static IServiceCollection AddScopePolicy(this IServiceCollection services, string requiredScope) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Scopes(context.User).Contains(requiredScope, StringComparer.Ordinal)))
            .Services;

    /// <summary>
    /// RFC 9068 §2.2.3 / RFC 8693 §4.2: "scope" is one space-separated string, not a JSON array,
    /// so the scope values must be split out of it. Scope values are case-sensitive (RFC 6749 §3.3).
    /// </summary>
    public static IEnumerable<string> Scopes(ClaimsPrincipal user) =>
        user.FindAll("scope").SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
