namespace Latchkey.Protocol.Storage;

/// <summary>Reference access tokens: the claims a JWT would carry, kept under the SHA-256 of the handle.</summary>
public interface IReferenceTokenStore
{
    ValueTask StoreAsync(string realm, string hash, string claimsJson, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>The claims of an unexpired token, or null.</summary>
    ValueTask<string?> FindAsync(string realm, string hash, DateTimeOffset now, CancellationToken ct);
}
