using Latchkey.Protocol.Realms;

namespace Latchkey.Protocol.Storage;

public interface IRealmStore
{
    ValueTask<Realm?> FindAsync(string realm, CancellationToken ct);

    /// <summary>The realm's own scopes; the standard OIDC scopes are added by the caller.</summary>
    ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct);
}
