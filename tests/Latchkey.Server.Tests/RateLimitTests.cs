using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>429 with Retry-After per client and per IP address; each test speaks from its own loopback address.</summary>
public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    private const string Realm = "/realms/" + TestRealm.Name;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_while_another_client_goes_on()
    {
        using var http = server.ClientFrom("127.0.0.11");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, "service")).StatusCode);

        var refused = await ClientCredentialsAsync(http, "service");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("temporarily_unavailable", body.GetProperty("error").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, "service-b")).StatusCode);
    }

    [Fact]
    public async Task An_address_over_its_limit_gets_429_while_another_address_goes_on()
    {
        using var flooding = server.ClientFrom("127.0.0.12");
        for (var i = 0; i < 6; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await flooding.GetAsync($"{Realm}/authorize?client_id=nobody-{i}")).StatusCode);
        var refused = await flooding.GetAsync($"{Realm}/authorize?client_id=nobody-else");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);

        using var other = server.ClientFrom("127.0.0.13");
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(other, "service-c")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.21", "/token")]
    [InlineData("127.0.0.22", "/bc-authorize")]
    [InlineData("127.0.0.23", "/login")]
    [InlineData("127.0.0.24", "/device")]
    public async Task Every_limited_endpoint_counts_posts_per_address(string address, string endpoint)
    {
        using var http = server.ClientFrom(address);
        HttpResponseMessage response;
        var sent = 0;
        do response = await http.PostAsync(Realm + endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++sent < 10);
        Assert.Equal(6, sent);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Unlimited_endpoints_are_not_counted()
    {
        using var http = server.ClientFrom("127.0.0.31");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{Realm}/.well-known/openid-configuration")).StatusCode);
    }

    private static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, string clientId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Realm}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = OAuthTestClient.Basic(clientId, TestRealm.WebSecret);
        return http.SendAsync(request);
    }
}
