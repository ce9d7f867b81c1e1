using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Latchkey.Protocol.Clients.Assertions;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Http;

/// <summary>
/// Fetches the JWK Sets clients publish at their jwks_uri and caches each for
/// <see cref="ClientJwksOptions.CacheSeconds"/>. A request to refresh (an unknown kid) fetches again, but no
/// URI is fetched more than once per <see cref="ClientJwksOptions.MinRefreshSeconds"/>, so random kids cannot
/// turn Latchkey into a request generator. A failed fetch keeps the last good set and is only logged.
/// </summary>
public sealed class HttpClientJwksSource(IHttpClientFactory http, TimeProvider clock, IOptions<LatchkeyOptions> options,
    ILogger<HttpClientJwksSource> log) : IClientJwksSource
{
    private const int MaxBytes = 64 * 1024;

    private sealed record Fetched(string? Json, DateTimeOffset At, bool Failed);

    private readonly ConcurrentDictionary<string, Fetched> _cache = new(StringComparer.Ordinal);

    public async ValueTask<string?> GetAsync(string jwksUri, bool refresh, CancellationToken ct)
    {
        var settings = options.Value.ClientJwks;
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(jwksUri, out var cached))
        {
            var age = now - cached.At;
            if (!refresh && !cached.Failed && age < TimeSpan.FromSeconds(settings.CacheSeconds)) return cached.Json;
            if (age < TimeSpan.FromSeconds(settings.MinRefreshSeconds)) return cached.Json;
        }
        var json = await FetchAsync(jwksUri, ct);
        _cache[jwksUri] = new Fetched(json ?? cached?.Json, now, json is null);
        return json ?? cached?.Json;
    }

    private async Task<string?> FetchAsync(string jwksUri, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, jwksUri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.CreateClient(nameof(HttpClientJwksSource)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("Client JWKS {Uri} answered {Status}", jwksUri, (int)response.StatusCode);
                return null;
            }
            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                log.LogWarning("Client JWKS {Uri} is larger than {Max} bytes", jwksUri, MaxBytes);
                return null;
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
            if (read > MaxBytes)
            {
                log.LogWarning("Client JWKS {Uri} is larger than {Max} bytes", jwksUri, MaxBytes);
                return null;
            }
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException
                                  && !ct.IsCancellationRequested)
        {
            log.LogWarning("Client JWKS {Uri} could not be fetched: {Message}", jwksUri, e.Message);
            return null;
        }
    }
}
