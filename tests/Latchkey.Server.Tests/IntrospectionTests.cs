using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 7662 (and RFC 9701's JWT answer): who may ask, and active:false with no detail for everything invalid.</summary>
public sealed class IntrospectionTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> IntrospectAsync(OAuthTestClient client, string token, string id, string secret)
    {
        var result = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = token }, id, secret);
        return (result.Status, result.Json);
    }

    [Fact]
    public async Task Resource_server_sees_an_active_access_token_with_its_claims()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid api");
        var (status, body) = await IntrospectAsync(client, tokens.AccessToken, "test-api", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal("web", body.GetProperty("client_id").GetString());
        Assert.Equal("openid api", body.GetProperty("scope").GetString());
        Assert.Equal("test-api", body.GetProperty("aud").GetString());
        Assert.Equal(Jwt.Payload(tokens.AccessToken).GetProperty("sub").GetString(), body.GetProperty("sub").GetString());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task Refresh_tokens_are_described_too_and_a_client_may_ask_about_its_own()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access");
        var (_, body) = await IntrospectAsync(client, tokens.RefreshToken!, "web", TestRealm.WebSecret);
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal("refresh_token", body.GetProperty("token_type").GetString());
        Assert.Equal("openid offline_access", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_resource_server_learns_nothing_about_tokens_meant_for_someone_else()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access a.read");
        foreach (var token in new[] { tokens.AccessToken, tokens.RefreshToken! })
        {
            var (_, body) = await IntrospectAsync(client, token, "test-api", TestRealm.WebSecret);
            Assert.Equal("""{"active":false}""", body.GetRawText());
        }
    }

    [Fact]
    public async Task Another_plain_client_learns_nothing_about_tokens_not_its_own()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid");
        var (_, body) = await IntrospectAsync(client, tokens.AccessToken, "service", TestRealm.WebSecret);
        Assert.Equal("""{"active":false}""", body.GetRawText());
    }

    [Fact]
    public async Task Expired_revoked_rotated_unknown_and_foreign_tokens_are_just_inactive()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync(scope: "openid offline_access");
        var rotated = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = first.RefreshToken! },
            "web", TestRealm.WebSecret);
        using var es = server.NewClient("es");
        var foreign = await es.CodeFlowAsync(scope: "openid");

        foreach (var token in new[] { first.RefreshToken!, "unknown-token", "a.b.c", foreign.AccessToken })
            Assert.Equal("""{"active":false}""", (await IntrospectAsync(client, token, "test-api", TestRealm.WebSecret)).Body.GetRawText());

        await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = rotated.RefreshToken! }, "web", TestRealm.WebSecret);
        Assert.False((await IntrospectAsync(client, rotated.AccessToken, "web", TestRealm.WebSecret)).Body.GetProperty("active").GetBoolean());

        var fresh = await client.CodeFlowAsync(scope: "openid");
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False((await IntrospectAsync(client, fresh.AccessToken, "web", TestRealm.WebSecret)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Callers_must_authenticate_and_public_clients_may_not_ask()
    {
        using var client = server.NewClient();
        var wrong = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = "x" }, "test-api", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("invalid_client", wrong.Error);
        var anonymous = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = "x", ["client_id"] = "spa" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        var missing = await client.PostFormAsync("introspect", new Dictionary<string, string>(), "test-api", TestRealm.WebSecret);
        Assert.Equal("invalid_request", missing.Error);
    }

    [Fact]
    public async Task Jwt_answer_is_signed_for_the_caller_rfc9701()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid api");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/realms/test/introspect")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = tokens.AccessToken }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/token-introspection+jwt"));
        request.Headers.Authorization = OAuthTestClient.Basic("test-api", TestRealm.WebSecret);
        var response = await client.Http.SendAsync(request);
        Assert.Equal("application/token-introspection+jwt", response.Content.Headers.ContentType!.MediaType);
        var jwt = await response.Content.ReadAsStringAsync();
        var validated = await Jwt.ValidateAsync(client, jwt, "test-api", "token-introspection+jwt", expires: false);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.True(Jwt.Payload(jwt).GetProperty("token_introspection").GetProperty("active").GetBoolean());
    }
}
