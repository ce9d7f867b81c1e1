using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>OIDC Core §5.3–§5.4 and RFC 6750 §3 at /userinfo.</summary>
public sealed class UserInfoTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Task<HttpResponseMessage> GetAsync(OAuthTestClient client, string? token) => client.UserInfoAsync(token);

    [Fact]
    public async Task Returns_the_claims_of_the_granted_scopes()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid profile email");
        var response = await GetAsync(client, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Jwt.Payload(tokens.IdToken!).GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal("Alice Liddell", claims.GetProperty("name").GetString());
        Assert.Equal("alice", claims.GetProperty("preferred_username").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task Openid_alone_releases_only_sub_and_post_with_form_body_works()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid");
        var response = await client.Http.PostAsync("/realms/test/userinfo",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = tokens.AccessToken }));
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["sub"], claims.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task No_token_is_a_bare_bearer_challenge()
    {
        using var client = server.NewClient();
        var response = await GetAsync(client, null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.DoesNotContain("error=", challenge.Parameter);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task Bad_token_is_invalid_token(string token)
    {
        using var client = server.NewClient();
        var response = await GetAsync(client, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Expired_and_tampered_tokens_are_invalid_token()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid");
        var parts = tokens.AccessToken.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}x.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, tampered)).StatusCode);
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Token_without_openid_is_insufficient_scope()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "api");
        var response = await GetAsync(client, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.Single().Parameter);
    }
}
