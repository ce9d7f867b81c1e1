using System.Runtime.CompilerServices;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Scopes;

/// <summary>The scopes a realm knows (standard OIDC ones plus its own), and the audiences they imply.</summary>
public sealed class ScopeCatalog(IRealmStore realms)
{
    // One catalog per list the store hands out: a caching store (CachingDirectoryStore) returns the same list until
    // the realm changes or the entry expires, so the catalog is built once per cached load and goes with it; a store
    // that loads afresh each time gets a fresh catalog each time.
    private static readonly ConditionalWeakTable<IReadOnlyList<ScopeDefinition>, IReadOnlyDictionary<string, ScopeDefinition>> Built = new();

    public async ValueTask<IReadOnlyDictionary<string, ScopeDefinition>> AllAsync(string realm, CancellationToken ct) =>
        Built.GetValue(await realms.ScopesAsync(realm, ct), Build);

    private static IReadOnlyDictionary<string, ScopeDefinition> Build(IReadOnlyList<ScopeDefinition> realmScopes)
    {
        var all = StandardScopeDefinitions.All.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var scope in realmScopes) all[scope.Name] = scope;
        return all;
    }

    /// <summary>
    /// RFC 6749 §3.3 invalid_scope when a requested scope is malformed, unknown to the realm, not allowed
    /// for the client, or (for grants without a user) one of <paramref name="forbidden"/>.
    /// </summary>
    public async ValueTask<OAuthError?> CheckAsync(string realm, Client client, IEnumerable<string> requested, CancellationToken ct,
        IReadOnlySet<string>? forbidden = null)
    {
        var known = await AllAsync(realm, ct);
        var refused = requested.FirstOrDefault(s =>
            !ScopeList.IsValidToken(s) || !known.ContainsKey(s) || !client.AllowedScopes.Contains(s) || forbidden?.Contains(s) == true);
        return refused is null ? null : OAuthErrors.InvalidScope($"The scope '{refused}' is not allowed for this client.");
    }

    /// <summary>RFC 9068 §3: the access token's aud names the resource servers of the granted scopes.</summary>
    public async ValueTask<IReadOnlyList<string>> AudiencesAsync(string realm, IEnumerable<string> scopes, CancellationToken ct)
    {
        return Audiences(await AllAsync(realm, ct), scopes);
    }

    /// <summary>The same, from a catalog the caller already loaded.</summary>
    public static IReadOnlyList<string> Audiences(IReadOnlyDictionary<string, ScopeDefinition> all, IEnumerable<string> scopes) =>
        scopes.Select(s => all.TryGetValue(s, out var d) ? d.Audience : null).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}
