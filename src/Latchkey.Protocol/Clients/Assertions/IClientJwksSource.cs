namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>
/// Fetches the JWK Set a client publishes at its jwks_uri (RFC 7591 §2). The host implements it over HTTP,
/// caching the set; the protocol core never speaks HTTP.
/// </summary>
public interface IClientJwksSource
{
    /// <summary>
    /// The JWK Set document at <paramref name="jwksUri"/>, or null when it cannot be had. With
    /// <paramref name="refresh"/> (the cached set lacks the key an assertion names: the client rolled its keys)
    /// the source fetches again, no more often than its rate limit allows.
    /// </summary>
    ValueTask<string?> GetAsync(string jwksUri, bool refresh, CancellationToken ct);
}
