using System.Net;
using System.Text.Json;

namespace Latchkey.Server.Tests.Infrastructure;

public sealed record TokenResult(HttpResponseMessage Response, JsonElement Json)
{
    public HttpStatusCode Status => Response.StatusCode;
    public string? this[string name] => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var v) ? v.ToString() : null;
    public string? Error => this["error"];
    public string AccessToken => this["access_token"] ?? throw new InvalidOperationException($"No access token: {Json}");
    public string? RefreshToken => this["refresh_token"];
    public string? IdToken => this["id_token"];
}
