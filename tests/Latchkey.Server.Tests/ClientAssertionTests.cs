using System.Net;
using System.Security.Cryptography;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using static Latchkey.Server.Tests.Infrastructure.ClientAssertions;

namespace Latchkey.Server.Tests;

/// <summary>private_key_jwt and client_secret_jwt (RFC 7523 §2.2, §3; OIDC Core §9) at every endpoint that authenticates clients.</summary>
public sealed class ClientAssertionTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private string TokenEndpoint => server.Issuer + "/token";

    private static Dictionary<string, string> ClientCredentials(string assertion, params (string Name, string Value)[] more) =>
        Form(assertion, [("grant_type", "client_credentials"), ("scope", "api"), .. more]);

    private async Task AssertInvalidClientAsync(string assertion, params (string Name, string Value)[] more)
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(ClientCredentials(assertion, more));
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
        Assert.Equal("Basic", result.Response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Private_key_jwt_with_rs256_and_the_token_endpoint_as_audience_gets_a_token()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-key", TokenEndpoint), Rsa, SecurityAlgorithms.RsaSha256)));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("jwt-key", Jwt.Payload(result.AccessToken).GetProperty("client_id").GetString());
    }

    [Theory]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    public async Task Private_key_jwt_with_an_ec_key_and_the_issuer_as_audience_gets_a_token(string alg)
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-key", server.Issuer), Ec, alg), ("client_id", "jwt-key")));
        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha256)]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task Client_secret_jwt_gets_a_token(string alg)
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(ClientCredentials(Hmac(Claims(server, "jwt-secret", TokenEndpoint), algorithm: alg)));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("jwt-secret", Jwt.Payload(result.AccessToken).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Private_key_jwt_authenticates_at_introspection_with_its_url_as_audience()
    {
        using var client = server.NewClient();
        var token = (await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-key", TokenEndpoint), Rsa, SecurityAlgorithms.RsaSha256)))).AccessToken;
        var assertion = Sign(Claims(server, "jwt-key", server.Issuer + "/introspect"), Rsa, SecurityAlgorithms.RsaSha256);
        var answer = await client.PostFormAsync("introspect", Form(assertion, ("token", token)));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("true", answer["active"], ignoreCase: true);
    }

    [Fact]
    public async Task Client_secret_jwt_authenticates_at_revocation()
    {
        using var client = server.NewClient();
        var token = (await client.TokenAsync(ClientCredentials(Hmac(Claims(server, "jwt-secret", TokenEndpoint))))).AccessToken;
        var revoked = await client.PostFormAsync("revoke", Form(Hmac(Claims(server, "jwt-secret", server.Issuer + "/revoke")), ("token", token)));
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        var introspected = await client.PostFormAsync("introspect",
            Form(Hmac(Claims(server, "jwt-secret", server.Issuer)), ("token", token)));
        Assert.Equal("false", introspected["active"], ignoreCase: true);
    }

    [Fact]
    public async Task A_replayed_assertion_is_refused_rfc7523_section3_item7()
    {
        using var client = server.NewClient();
        var assertion = Sign(Claims(server, "jwt-key", TokenEndpoint), Rsa, SecurityAlgorithms.RsaSha256);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(assertion))).Status);
        await AssertInvalidClientAsync(assertion);
        var secretAssertion = Hmac(Claims(server, "jwt-secret", TokenEndpoint));
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(secretAssertion))).Status);
        await AssertInvalidClientAsync(secretAssertion);
    }

    public static TheoryData<string, string?> BadClaims => new()
    {
        { "aud", "https://elsewhere.example/token" },
        { "exp", "-120" },       // expired beyond the clock skew
        { "exp", null },         // exp is required
        { "exp", "3600" },       // an hour: not a one-request credential
        { "jti", null },         // jti is required
        { "iss", "web" },
        { "sub", "web" },        // names another client, which is not registered for private_key_jwt
        { "nbf", "600" },
        { "iat", "600" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task Assertions_breaking_a_claim_rule_are_invalid_client(string claim, string? value)
    {
        var claims = Claims(server, "jwt-key", TokenEndpoint);
        var now = server.Clock.GetUtcNow().ToUnixTimeSeconds();
        if (value is null) claims.Remove(claim);
        else claims[claim] = claim is "exp" or "nbf" or "iat" ? now + long.Parse(value) : value;
        await AssertInvalidClientAsync(Sign(claims, Rsa, SecurityAlgorithms.RsaSha256));
        await AssertInvalidClientAsync(Hmac(Rewrite(claims, "jwt-secret")));
    }

    private static Dictionary<string, object> Rewrite(Dictionary<string, object> claims, string clientId) =>
        claims.ToDictionary(c => c.Key, c => c.Key is "iss" or "sub" && (string)c.Value == "jwt-key" ? clientId : c.Value);

    [Fact]
    public async Task Bad_signatures_unknown_keys_and_foreign_algorithms_are_invalid_client()
    {
        var claims = Claims(server, "jwt-key", TokenEndpoint);
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Rsa.KeyId };
        await AssertInvalidClientAsync(Sign(claims, impostor, SecurityAlgorithms.RsaSha256));
        await AssertInvalidClientAsync(Sign(claims, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unknown" }, SecurityAlgorithms.RsaSha256));
        await AssertInvalidClientAsync(Unsecured(claims));
        // RFC 8725 §3.1: an HMAC assertion for a private_key_jwt client, MACed with its public key's bytes or anything else.
        await AssertInvalidClientAsync(Hmac(claims, secret: Rsa.Rsa.ExportSubjectPublicKeyInfoPem()));
        await AssertInvalidClientAsync(Hmac(Rewrite(claims, "jwt-secret"), secret: JwtSecret + "x"));
        await AssertInvalidClientAsync(Sign(Rewrite(claims, "jwt-secret"), Rsa, SecurityAlgorithms.RsaSha256));
    }

    [Fact]
    public async Task Malformed_or_mismatched_requests_are_invalid_client()
    {
        var assertion = Sign(Claims(server, "jwt-key", TokenEndpoint), Rsa, SecurityAlgorithms.RsaSha256);
        await AssertInvalidClientAsync(assertion, ("client_id", "web"));
        await AssertInvalidClientAsync(assertion, ("client_assertion_type", "urn:example:other"));
        await AssertInvalidClientAsync("not.a.jwt");
        await AssertInvalidClientAsync("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"); // no sub
    }

    [Fact]
    public async Task A_client_registered_for_a_jwt_method_cannot_use_a_secret_and_others_cannot_use_an_assertion()
    {
        using var client = server.NewClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        var basic = await client.TokenAsync(form, "jwt-secret", JwtSecret);
        Assert.Equal("invalid_client", basic.Error);
        // "service" keeps the default methods (basic or post): an assertion is not one of them.
        var claims = Claims(server, "service", TokenEndpoint);
        Assert.Equal("invalid_client", (await client.TokenAsync(ClientCredentials(Hmac(claims, secret: TestRealm.WebSecret + "-padding-to-32-bytes")))).Error);
    }

    [Fact]
    public async Task Keys_come_from_the_jwks_uri_and_a_new_kid_fetches_them_again()
    {
        var first = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" };
        var second = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "k2" };
        await using var jwks = await JwksServer.StartAsync(Jwks(first));
        await RegisterAsync("jwt-uri", "--jwks-uri", jwks.Uri);
        using var client = server.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-uri", TokenEndpoint), first, "RS256")))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-uri", TokenEndpoint), first, "RS256")))).Status);
        Assert.Equal(1, jwks.Fetches);

        // The client rolls its keys: the next assertion names a kid the cached set lacks, so the set is fetched again.
        jwks.Published = Jwks(second);
        server.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-uri", TokenEndpoint), second, "ES256")))).Status);
        Assert.Equal(2, jwks.Fetches);

        // Unknown kids right after a fetch are refused without fetching again (rate limit).
        await AssertInvalidClientAsync(Sign(Claims(server, "jwt-uri", TokenEndpoint), new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k3" }, "RS256"));
        Assert.Equal(2, jwks.Fetches);
    }

    [Fact]
    public async Task An_unreachable_jwks_uri_is_invalid_client_not_a_server_error()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "down-1" };
        await using var jwks = await JwksServer.StartAsync(Jwks(key));
        jwks.Failing = true;
        await RegisterAsync("jwt-down", "--jwks-uri", jwks.Uri);
        await AssertInvalidClientAsync(Sign(Claims(server, "jwt-down", TokenEndpoint), key, "RS256"));
        await RegisterAsync("jwt-nowhere", "--jwks-uri", "http://127.0.0.1:9/jwks");
        await AssertInvalidClientAsync(Sign(Claims(server, "jwt-nowhere", TokenEndpoint), key, "RS256"));
    }

    [Fact]
    public async Task The_command_line_registers_jwks_from_a_file_and_refuses_private_keys_and_short_secrets()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "file-1" };
        var file = Path.Combine(server.DataDirectory, "client-jwks.json");
        await File.WriteAllTextAsync(file, Jwks(key));
        await RegisterAsync("jwt-file", "--jwks", file);
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Sign(Claims(server, "jwt-file", TokenEndpoint), key, "RS256")))).Status);

        var withPrivate = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { PrivateJwk(Ec) } });
        await File.WriteAllTextAsync(file, withPrivate);
        var refused = await Assert.ThrowsAsync<AdminException>(() => RegisterAsync("jwt-private", "--jwks", file));
        Assert.Contains("private key", refused.Message);
        await Assert.ThrowsAsync<AdminException>(() => new CommandLine(server.Services, TextWriter.Null).RunAsync(
            ["clients", "add", "--realm", "test", "--id", "jwt-both", "--auth-method", "private_key_jwt", "--jwks", file, "--jwks-uri", "https://x.example/jwks"]));
    }

    [Fact]
    public async Task A_generated_client_secret_jwt_secret_is_shown_once_and_signs_assertions_and_rotation_keeps_it_working()
    {
        var output = new StringWriter();
        await new CommandLine(server.Services, output).RunAsync(
            ["clients", "add", "--realm", "test", "--id", "jwt-generated", "--auth-method", "client_secret_jwt", "--capability", "serviceAccount", "--scopes", "api"]);
        var secret = output.ToString().Split("client_secret:")[1].Trim().Split(' ')[0];
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Hmac(Claims(server, "jwt-generated", TokenEndpoint), secret)))).Status);

        output = new StringWriter();
        await new CommandLine(server.Services, output).RunAsync(["clients", "rotate-secret", "--realm", "test", "jwt-generated"]);
        var rotated = output.ToString().Split("client_secret:")[1].Trim().Split(' ')[0];
        server.Clock.Advance(TimeSpan.FromSeconds(31)); // the directory cache of other nodes; this node invalidated its own
        await AssertInvalidClientAsync(Hmac(Claims(server, "jwt-generated", TokenEndpoint), secret));
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(ClientCredentials(Hmac(Claims(server, "jwt-generated", TokenEndpoint), rotated)))).Status);
    }

    [Fact]
    public async Task Discovery_lists_the_jwt_methods_and_their_algorithms()
    {
        using var client = server.NewClient();
        using var doc = System.Text.Json.JsonDocument.Parse(await client.Http.GetStringAsync("/realms/test/.well-known/openid-configuration"));
        string[] Values(string name) => doc.RootElement.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();
        foreach (var endpoint in new[] { "token", "introspection", "revocation" })
        {
            Assert.Contains("private_key_jwt", Values($"{endpoint}_endpoint_auth_methods_supported"));
            Assert.Contains("client_secret_jwt", Values($"{endpoint}_endpoint_auth_methods_supported"));
            var algs = Values($"{endpoint}_endpoint_auth_signing_alg_values_supported");
            Assert.Contains("RS256", algs);
            Assert.Contains("ES256", algs);
            Assert.Contains("HS256", algs);
            Assert.DoesNotContain("none", algs);
        }
        Assert.DoesNotContain("none", Values("introspection_endpoint_auth_methods_supported"));
    }

    private Task RegisterAsync(string clientId, string keysOption, string keys) =>
        new CommandLine(server.Services, TextWriter.Null).RunAsync(
            ["clients", "add", "--realm", "test", "--id", clientId, "--auth-method", "private_key_jwt", keysOption, keys,
             "--capability", "serviceAccount", "--scopes", "api"]);
}
