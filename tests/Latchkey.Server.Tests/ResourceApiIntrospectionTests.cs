using System.Net;
using System.Net.Http.Headers;
using Latchkey.Protocol.Clients;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Browser;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>
/// samples/ResourceApi as a real process with its introspection path on: reference tokens are checked at
/// Latchkey's /introspect, JWTs still by JwtBearer, and a cached answer outlives neither the token's exp
/// nor the cache TTL. Real time passes here (the sample cannot see the server's movable clock).
/// </summary>
public sealed class ResourceApiIntrospectionTests(ResourceApiIntrospectionTests.Fixture fixture) : IClassFixture<ResourceApiIntrospectionTests.Fixture>
{
    public const int CacheSeconds = 3;
    public const int ShortLifetimeSeconds = 2;

    public sealed class Fixture : IAsyncLifetime
    {
        public LatchkeyServer Latchkey { get; } = new();
        public SampleProcess Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Latchkey.InitializeAsync();
            await Latchkey.Services.GetRequiredService<AdminRepository>().SaveClientAsync(TestRealm.Name, new ClientRegistration
            {
                ClientId = "opaque-short", ChosenSecret = TestRealm.WebSecret, AccessTokenFormat = AccessTokenFormat.Reference,
                Capabilities = ClientCapabilities.ServiceAccount, AllowedScopes = ["api"], AccessTokenLifetimeSeconds = ShortLifetimeSeconds,
            }, CancellationToken.None);
            Api = SampleProcess.Start("ResourceApi", FreePort.Next(), new Dictionary<string, string>
            {
                ["Latchkey__Authority"] = Latchkey.Issuer,
                ["Latchkey__Audience"] = "test-api",
                ["Latchkey__ClockSkewSeconds"] = "0",
                ["Latchkey__IntrospectionClientId"] = "test-api",
                ["Latchkey__IntrospectionClientSecret"] = TestRealm.WebSecret,
                ["Latchkey__IntrospectionCacheSeconds"] = CacheSeconds.ToString(),
            });
            try
            {
                await Api.WaitUntilReadyAsync("/health");
            }
            catch
            {
                Api.Dispose();
                throw;
            }
        }

        public async Task DisposeAsync()
        {
            Api?.Dispose();
            await Latchkey.DisposeAsync();
        }
    }

    private async Task<string> TokenAsync(string clientId)
    {
        using var client = fixture.Latchkey.NewClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        return (await client.TokenAsync(form, clientId, TestRealm.WebSecret)).AccessToken;
    }

    private async Task<HttpResponseMessage> CallAsync(string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Api.BaseUrl + "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> CallOkAsync(string token)
    {
        var response = await CallAsync(token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}\n{fixture.Api.Output}");
        return response;
    }

    [Fact]
    public async Task A_reference_token_is_introspected_and_a_jwt_is_still_validated_locally()
    {
        var reference = await TokenAsync("opaque");
        Assert.DoesNotContain('.', reference);
        var me = System.Text.Json.JsonDocument.Parse(await (await CallOkAsync(reference)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("opaque", me.GetProperty("client_id").GetString());
        Assert.Equal("api", me.GetProperty("scope").GetString());

        var jwt = await TokenAsync("service");
        Assert.Equal("service", System.Text.Json.JsonDocument.Parse(await (await CallOkAsync(jwt)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task An_unknown_reference_token_is_401_invalid_token()
    {
        var response = await CallAsync("not-a-token-latchkey-ever-issued");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_cached_answer_is_never_used_past_the_tokens_exp()
    {
        var token = await TokenAsync("opaque-short");
        await CallOkAsync(token);
        await Task.Delay(TimeSpan.FromSeconds(ShortLifetimeSeconds + 1)); // the token expired; the cache TTL has not
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_within_the_cache_ttl()
    {
        var token = await TokenAsync("opaque");
        await CallOkAsync(token);
        using var client = fixture.Latchkey.NewClient();
        var revoked = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = token }, "opaque", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        // The trade-off of caching: until the TTL runs out, this API still trusts its cached answer.
        await CallOkAsync(token);
        await Task.Delay(TimeSpan.FromSeconds(CacheSeconds + 1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).StatusCode);
    }
}
