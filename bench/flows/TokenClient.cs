using System.Text.Json;

namespace Flows;

/// <summary>POSTs a form to the token endpoint with client_secret_basic and returns the JSON answer.</summary>
public sealed class TokenClient(HttpClient http, Target target)
{
    public async Task<JsonElement> PostAsync(string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Token)
        {
            Content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = target.Basic();
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new FlowException($"token endpoint {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> RedeemAsync(string code, string verifier, CancellationToken ct) =>
        await PostAsync(target.RedemptionBody(code, verifier), ct);
}
