namespace Latchkey.Protocol.Storage;

/// <summary>Consent remembered per user and client: the scopes the user has approved so far.</summary>
public interface IConsentStore
{
    ValueTask<IReadOnlySet<string>> GrantedScopesAsync(string realm, string userId, string clientId, CancellationToken ct);

    /// <summary>Adds scopes to what the user has approved for the client (never removes).</summary>
    ValueTask GrantAsync(string realm, string userId, string clientId, IEnumerable<string> scopes, DateTimeOffset now, CancellationToken ct);
}
