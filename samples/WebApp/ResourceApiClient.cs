using System.Net.Http.Headers;

namespace WebApp;

public sealed record ApiCallResult(int StatusCode, string Text);

/// <summary>Calls ResourceApi's GET /me with the user's access token as a Bearer token (RFC 6750 §2.1).</summary>
public sealed class ResourceApiClient(HttpClient http)
{
    public async Task<ApiCallResult> GetMeAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new((int)response.StatusCode, body);
            }

            // On 401/403 the reason is in WWW-Authenticate (RFC 6750 §3), the body is usually empty.
            var challenge = string.Join(", ", response.Headers.WwwAuthenticate);
            var text = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"
                + (challenge.Length > 0 ? $"\nWWW-Authenticate: {challenge}" : "")
                + (body.Length > 0 ? $"\n{body}" : "");
            return new((int)response.StatusCode, text);
        }
        catch (HttpRequestException e)
        {
            return new(0, $"could not reach {http.BaseAddress}: {e.Message}");
        }
    }
}
