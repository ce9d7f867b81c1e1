using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>/health/live and /health/ready, and what a client and a person see while the database is gone and after it returns.</summary>
public sealed class HealthAndOutageTests(DatabaseOutageServer server) : IClassFixture<DatabaseOutageServer>
{
    [Fact]
    public async Task Database_outage_gives_503s_and_not_ready_then_recovers_without_restart()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(client)).Status);

        server.BreakDatabase();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

            var token = await ClientCredentialsAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, token.Status);
            Assert.Equal("temporarily_unavailable", token.Error);
            Assert.NotNull(token.Response.Headers.RetryAfter);

            var page = await client.GetAsync(client.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier())));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("temporarily unavailable", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(page.Headers.RetryAfter);
        }
        finally
        {
            server.RestoreDatabase();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(client)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(client.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier())))).StatusCode);
    }

    private static Task<TokenResult> ClientCredentialsAsync(OAuthTestClient client) =>
        client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "service", TestRealm.WebSecret);
}
