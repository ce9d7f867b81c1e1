using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace ResourceApi;

/// <summary>
/// Active introspection answers, kept until the token's exp or for <see cref="LatchkeyApiSettings.IntrospectionCacheTtl"/>,
/// whichever comes first: never past exp (RFC 7662 §4), and a revoked token stops working here within the TTL.
/// Inactive answers are not kept. Keyed by the token's SHA-256, so the cache holds no usable token.
/// </summary>
public sealed class IntrospectionCache(IMemoryCache cache, IntrospectionClient introspection, LatchkeyApiSettings settings, TimeProvider clock)
{
    public const int MaxEntries = 10_000;

    public async Task<IntrospectionResult?> GetAsync(string token, CancellationToken ct)
    {
        var key = "introspection:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out IntrospectionResult? cached) && cached!.ExpiresAt > now) return cached;
        var result = await introspection.IntrospectAsync(token, ct);
        if (result is null || result.ExpiresAt <= now) return null;
        var until = result.ExpiresAt < now + settings.IntrospectionCacheTtl ? result.ExpiresAt : now + settings.IntrospectionCacheTtl;
        if (until > now) cache.Set(key, result, new MemoryCacheEntryOptions { AbsoluteExpiration = until, Size = 1 }); // TTL 0: no cache
        return result;
    }
}
