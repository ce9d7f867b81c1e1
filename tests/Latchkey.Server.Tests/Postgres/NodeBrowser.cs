using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// A user's browser and the client app behind a load balancer that sends each request to the node it is given:
/// one cookie jar for both nodes (same host, RFC 6265 cookies ignore the port), every hop asserted.
/// </summary>
public sealed class NodeBrowser : IDisposable
{
    private readonly HttpClient _http = TwoNodes.NewBrowser();

    public string RealmPath => $"/realms/{TwoNodes.Realm}";

    /// <summary>
    /// Runs /authorize (with login and consent as they come) and returns the code. Hop i goes to
    /// <paramref name="route"/>(i): e.g. A for authorize and login, B for what follows.
    /// </summary>
    public async Task<string> CodeAsync(string clientId, string verifier, Func<int, string> route)
    {
        var request = OAuthTestClient.CodeRequest(verifier, clientId, TwoNodes.Redirect, "openid offline_access");
        var url = QueryHelpers.AddQueryString($"{RealmPath}/authorize", request.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        for (var hop = 0; hop < 12; hop++)
        {
            var node = route(hop);
            var response = await _http.GetAsync(node + url);
            url = response.Headers.Location?.OriginalString
                ?? throw new InvalidOperationException($"{(int)response.StatusCode} at {url}: {await response.Content.ReadAsStringAsync()}");
            if (url.StartsWith($"{RealmPath}/login", StringComparison.Ordinal))
                url = await SubmitAsync(node + url, ("username", "alice"), ("password", TwoNodes.Password));
            else if (url.StartsWith($"{RealmPath}/consent", StringComparison.Ordinal))
                url = await SubmitAsync(node + url, ("decision", "allow"));
            if (url.StartsWith(TwoNodes.Redirect, StringComparison.Ordinal))
                return OAuthTestClient.ResponseParameters(new Uri(url)).TryGetValue("code", out var code) ? code : throw new InvalidOperationException(url);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    private async Task<string> SubmitAsync(string pageUrl, params (string Name, string Value)[] typed)
    {
        var page = await (await _http.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var response = await _http.PostAsync(pageUrl, OAuthTestClient.Form(page, typed));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>POSTs a form to one of the realm's endpoints on <paramref name="node"/>.</summary>
    public async Task<TokenResult> PostAsync(string node, string endpoint, Dictionary<string, string> form, bool asWeb = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{node}{RealmPath}/{endpoint}") { Content = new FormUrlEncodedContent(form) };
        if (asWeb) request.Headers.Authorization = OAuthTestClient.Basic("web", TwoNodes.WebSecret);
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResult(response, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    public async Task<HttpResponseMessage> UserInfoAsync(string node, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{node}{RealmPath}/userinfo");
        request.Headers.Authorization = new("Bearer", accessToken);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
