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

    [Fact]
    public async Task A_locked_database_gives_503_after_the_command_timeout_not_a_hang()
    {
        using var client = server.NewClient();
        var code = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "no-such-code", ["redirect_uri"] = TestRealm.WebRedirect, ["code_verifier"] = OAuthTestClient.NewVerifier(),
        };
        using (server.LockDatabase())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var locked = await client.TokenAsync(code, "web", TestRealm.WebSecret);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.Status);
            Assert.Equal("temporarily_unavailable", locked.Error);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
        }
        Assert.Equal("invalid_grant", (await client.TokenAsync(code, "web", TestRealm.WebSecret)).Error);
    }

    private static Task<TokenResult> ClientCredentialsAsync(OAuthTestClient client) =>
        client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "service", TestRealm.WebSecret);
}
