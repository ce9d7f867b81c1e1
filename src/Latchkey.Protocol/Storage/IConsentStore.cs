namespace Latchkey.Protocol.Storage;

/// <summary>Consent remembered per user and client: the scopes the user has approved so far.</summary>
public interface IConsentStore
{
    ValueTask<IReadOnlySet<string>> GrantedScopesAsync(string realm, string userId, string clientId, CancellationToken ct);

    /// <summary>Adds scopes to what the user has approved for the client (never removes).</summary>
    /// <summary>Every client the user has approved, with the scopes (the account page's list).</summary>
    ValueTask<IReadOnlyList<(string ClientId, IReadOnlySet<string> Scopes, DateTimeOffset GrantedAt)>> ListAsync(string realm, string userId, CancellationToken ct);

    ValueTask RemoveAsync(string realm, string userId, string clientId, CancellationToken ct);

    ValueTask GrantAsync(string realm, string userId, string clientId, IEnumerable<string> scopes, DateTimeOffset now, CancellationToken ct);
}
