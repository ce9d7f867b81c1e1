using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ResourceApi;

/// <summary>
/// Asks Latchkey about a token (RFC 7662 §2.1), authenticated as this API's client (client_secret_basic).
/// The endpoint comes from the discovery document the JwtBearer handler already loads.
/// </summary>
public sealed class IntrospectionClient(IHttpClientFactory http, IOptionsMonitor<JwtBearerOptions> jwtBearer, LatchkeyApiSettings settings,
    ILogger<IntrospectionClient> log)
{
    /// <summary>The answer for an active access token, or null (inactive, or Latchkey could not be asked).</summary>
    public async Task<IntrospectionResult?> IntrospectAsync(string token, CancellationToken ct)
    {
        try
        {
            var discovery = await jwtBearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, discovery.IntrospectionEndpoint)
            {
                Content = new FormUrlEncodedContent([new("token", token), new("token_type_hint", "access_token")]),
            };
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before they go into Basic.
            var credentials = $"{Uri.EscapeDataString(settings.IntrospectionClientId!)}:{Uri.EscapeDataString(settings.IntrospectionClientSecret ?? "")}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            using var response = await http.CreateClient(nameof(IntrospectionClient)).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("Introspection answered {Status}", (int)response.StatusCode);
                return null;
            }
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return IntrospectionResult.From(answer.RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Introspection failed: {Message}", e.Message);
            return null;
        }
    }
}
