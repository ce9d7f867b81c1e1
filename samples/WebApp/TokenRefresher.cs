using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace WebApp;

/// <summary>ExpiresAt is the stored expires_at after any refresh, so pages can show that it moved.</summary>
public sealed record AccessTokenResult(string? AccessToken, string? ExpiresAt, string? Error);

/// <summary>
/// Hands out the signed-in user's access token, first redeeming the refresh token (RFC 6749 §6) when the
/// saved one has expired, and writes the new tokens back into the session cookie.
/// Two concurrent requests of one user may both refresh; a server that rotates refresh tokens with reuse
/// detection would then revoke the session. Good enough for a sample; a real app would serialize per session.
/// </summary>
public sealed class TokenRefresher(IHttpClientFactory httpClients, IOptionsMonitor<OpenIdConnectOptions> oidcOptions)
{
    public const string HttpClientName = "latchkey-token";
    private static readonly TimeSpan ExpiryLeeway = TimeSpan.FromSeconds(5);

    public async Task<AccessTokenResult> GetAccessTokenAsync(HttpContext context)
    {
        var auth = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!auth.Succeeded || auth.Principal is null)
        {
            return new(null, null, "not signed in");
        }

        var properties = auth.Properties;
        var tokens = properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        var accessToken = tokens.GetValueOrDefault("access_token");
        var expiresAt = tokens.GetValueOrDefault("expires_at");
        if (!IsExpiring(expiresAt))
        {
            return new(accessToken, expiresAt, accessToken is null ? "no access token was saved at sign-in" : null);
        }

        if (tokens.GetValueOrDefault("refresh_token") is not { } refreshToken)
        {
            return new(null, expiresAt, "the access token has expired and no refresh token was issued (scope offline_access)");
        }

        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var discovery = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);

        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }),
        };
        request.Headers.Authorization = BasicCredentials(options.ClientId!, options.ClientSecret!);

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return new(null, expiresAt, $"refresh failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}\n{body}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            ApplyTokenResponse(tokens, document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return new(null, expiresAt, $"refresh failed: unreadable token response ({e.Message})\n{body}");
        }

        properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, auth.Principal, properties);
        return new(tokens["access_token"], tokens.GetValueOrDefault("expires_at"), null);
    }

    private static bool IsExpiring(string? expiresAt) =>
        expiresAt is not null
        && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
        && at - ExpiryLeeway <= DateTimeOffset.UtcNow;

    private static void ApplyTokenResponse(Dictionary<string, string> tokens, JsonElement json)
    {
        tokens["access_token"] = json.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("access_token is null");

        // RFC 6749 §6: if a new refresh token is issued the old one must be discarded; if not, keep using it.
        if (json.TryGetProperty("refresh_token", out var refresh) && refresh.GetString() is { } newRefreshToken)
        {
            tokens["refresh_token"] = newRefreshToken;
        }

        // Same format the OpenIdConnect handler uses when it saves expires_at at sign-in.
        if (json.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt64(out var seconds))
        {
            tokens["expires_at"] = DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("o", CultureInfo.InvariantCulture);
        }
        else
        {
            tokens.Remove("expires_at"); // unknown lifetime: use the token until the API rejects it
        }

        // A new id_token, if any, is deliberately not stored: it would need full validation
        // (OIDC Core §12.2) and the original one is still what logout sends as id_token_hint.
    }

    /// <summary>
    /// client_secret_basic, RFC 6749 §2.3.1: id and secret are each application/x-www-form-urlencoded
    /// (Appendix B) before being joined with ':' and base64-encoded.
    /// </summary>
    private static AuthenticationHeaderValue BasicCredentials(string clientId, string clientSecret)
    {
        static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+");
        var credentials = Encoding.UTF8.GetBytes($"{FormEncode(clientId)}:{FormEncode(clientSecret)}");
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
    }
}
