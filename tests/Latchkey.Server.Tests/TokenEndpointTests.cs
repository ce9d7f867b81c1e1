using System.Net;
using System.Text;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §3.2, §2.3 and §5.2: what /token says to malformed requests and bad client credentials.</summary>
public sealed class TokenEndpointTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> CodeGrant => new() { ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = TestRealm.WebRedirect };

    [Fact]
    public async Task Get_is_405()
    {
        using var client = server.NewClient();
        var response = await client.GetAsync("/realms/test/token");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Json_body_is_invalid_request()
    {
        using var client = server.NewClient();
        var response = await client.Http.PostAsync("/realms/test/token",
            new StringContent("{\"grant_type\":\"authorization_code\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_secret_is_401_invalid_client_with_www_authenticate()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(CodeGrant, "web", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
        Assert.Equal("Basic", result.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("no-store", result.Response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("web", "wrong")]
    [InlineData("nobody", TestRealm.WebSecret)]
    public async Task Client_secret_post_failures_are_401_too(string id, string secret)
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(new Dictionary<string, string>(CodeGrant) { ["client_id"] = id, ["client_secret"] = secret });
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
        Assert.Equal("Client authentication failed.", result["error_description"]);
    }

    [Fact]
    public async Task Confidential_client_without_credentials_is_invalid_client()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(new Dictionary<string, string>(CodeGrant) { ["client_id"] = "web" });
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
    }

    [Fact]
    public async Task Two_authentication_methods_at_once_are_refused()
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string>(CodeGrant) { ["client_id"] = "web", ["client_secret"] = TestRealm.WebSecret };
        var result = await client.TokenAsync(form, "web", TestRealm.WebSecret);
        Assert.Equal("invalid_request", result.Error);
    }

    [Fact]
    public async Task Missing_and_unknown_grant_types()
    {
        using var client = server.NewClient();
        var missing = await client.TokenAsync(new Dictionary<string, string> { ["code"] = "x" }, "web", TestRealm.WebSecret);
        Assert.Equal("invalid_request", missing.Error);
        var unknown = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "magic" }, "web", TestRealm.WebSecret);
        Assert.Equal("unsupported_grant_type", unknown.Error);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }

    [Fact]
    public async Task Repeated_parameter_is_invalid_request()
    {
        using var client = server.NewClient();
        var form = CodeGrant.ToList();
        form.Add(new("code", "y"));
        var result = await client.TokenAsync(form, "web", TestRealm.WebSecret);
        Assert.Equal("invalid_request", result.Error);
        Assert.Contains("code", result["error_description"]);
    }

    [Fact]
    public async Task More_form_fields_than_aspnet_reads_is_invalid_request_not_500()
    {
        using var client = server.NewClient();
        var form = Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).ToList();
        form.Add(new("grant_type", "client_credentials"));
        var result = await client.TokenAsync(form, "service", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_request", result.Error);
    }

    [Fact]
    public async Task Huge_parameter_is_invalid_request()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(new Dictionary<string, string>(CodeGrant) { ["code"] = new string('c', 5000) }, "web", TestRealm.WebSecret);
        Assert.Equal("invalid_request", result.Error);
    }

    [Fact]
    public async Task Garbage_basic_header_is_invalid_client_not_500()
    {
        using var client = server.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/realms/test/token") { Content = new FormUrlEncodedContent(CodeGrant) };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_realm_is_404()
    {
        using var client = server.NewClient();
        var response = await client.Http.PostAsync("/realms/nowhere/token", new FormUrlEncodedContent(CodeGrant));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
