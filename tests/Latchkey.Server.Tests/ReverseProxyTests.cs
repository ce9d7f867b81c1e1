using System.Net.Http.Json;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

public sealed class BehindProxyServer() : LatchkeyServer(new Dictionary<string, string>
{
    ["Latchkey:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    ["Logging:LogLevel:Latchkey.Audit"] = "Information",
});

/// <summary>X-Forwarded-* are believed from a configured proxy only: scheme and host (the issuer, PublicUrl being empty) and the client's address.</summary>
public sealed class ReverseProxyTests(BehindProxyServer server) : IClassFixture<BehindProxyServer>
{
    private const string Discovery = "/realms/test/.well-known/openid-configuration";

    [Fact]
    public async Task Forwarded_scheme_and_host_from_the_known_proxy_make_the_issuer()
    {
        using var proxy = LoopbackClient.From(server.BaseUrl, "127.0.0.1");
        Assert.Equal("https://id.example.test/realms/test", await IssuerAsync(proxy));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        using var stranger = LoopbackClient.From(server.BaseUrl, "127.0.0.2");
        Assert.Equal(server.Issuer, await IssuerAsync(stranger));
    }

    [Fact]
    public async Task The_client_address_is_the_forwarded_one()
    {
        var audit = AuditCapture.AttachTo(server);
        using var proxy = LoopbackClient.From(server.BaseUrl, "127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/realms/test/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = OAuthTestClient.Basic("service", TestRealm.WebSecret);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        (await proxy.SendAsync(request)).EnsureSuccessStatusCode();
        Assert.Contains(audit.Events, e => e.GetProperty("event").GetString() == "token.issued" && e.GetProperty("ip").GetString() == "203.0.113.9");
    }

    private static async Task<string?> IssuerAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Discovery);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "id.example.test");
        var document = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return document.GetProperty("issuer").GetString();
    }
}
