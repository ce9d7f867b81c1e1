using System.Net;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Latchkey.Interop.Tests.Infrastructure;
using Latchkey.Interop.Tests.Matrix;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Interop.Tests;

/// <summary>
/// Duende.IdentityModel's HttpClient extensions, as its docs show them: discovery first, then each
/// request against the discovered endpoint. Client secrets go in the Authorization header (the default).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class IdentityModelTests(InteropFixture interop) : IDisposable
{
    private const string UserScope = "openid profile email offline_access api";
    private readonly HttpClient _http = new();

    [Fact]
    public Task Discovery() => Cell(Flow.Discovery, async () =>
    {
        var disco = await DiscoverAsync();
        Assert.Equal(interop.Issuer, disco.Issuer);
        Assert.Equal(interop.Issuer + "/token", disco.TokenEndpoint);
        Assert.NotNull(disco.IntrospectionEndpoint);
        Assert.NotNull(disco.RevocationEndpoint);
        Assert.NotNull(disco.UserInfoEndpoint);
        Assert.NotNull(disco.EndSessionEndpoint);
        Assert.NotEmpty(disco.KeySet!.Keys);
        Assert.Contains("S256", disco.CodeChallengeMethodsSupported);
        Assert.Contains(OidcConstants.GrantTypes.TokenExchange, disco.GrantTypesSupported);
    });

    [Fact]
    public Task Client_credentials() => Cell(Flow.ClientCredentials, async () =>
    {
        var disco = await DiscoverAsync();
        var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.Service, ClientSecret = InteropFixture.ServiceSecret, Scope = "api",
        });
        AssertOk(response);
        Assert.Equal("Bearer", response.TokenType);
        Assert.Null(response.RefreshToken);
        var token = await JwksValidator.ValidateAsync(Keys(disco), response.AccessToken!, interop.Issuer, InteropFixture.Api, "at+jwt");
        Assert.Equal(InteropFixture.Service, token.GetClaim("client_id").Value);
    });

    [Fact]
    public Task Client_credentials_with_private_key_jwt() => Cell(Flow.PrivateKeyJwt, async () =>
    {
        var disco = await DiscoverAsync();
        Assert.Contains("private_key_jwt", disco.TokenEndpointAuthenticationMethodsSupported);
        // IdentityModel sends the assertion it is given (its docs build it with Microsoft.IdentityModel, aud = token endpoint).
        var claims = ClientAssertions.Claims(interop.Server, InteropFixture.PrivateKeyJwtService, disco.TokenEndpoint!);
        var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.PrivateKeyJwtService, Scope = "api",
            ClientCredentialStyle = ClientCredentialStyle.PostBody, // IdentityModel's rule: an assertion goes in the body
            ClientAssertion = new ClientAssertion
            {
                Type = OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = ClientAssertions.Sign(claims, ClientAssertions.Rsa, "PS256"),
            },
        });
        AssertOk(response);
        var token = await JwksValidator.ValidateAsync(Keys(disco), response.AccessToken!, interop.Issuer, InteropFixture.Api, "at+jwt");
        Assert.Equal(InteropFixture.PrivateKeyJwtService, token.GetClaim("client_id").Value);

        // The same jti again is a replay (RFC 7523 §3 item 7): 401, which IdentityModel reports as an HTTP error with the body kept.
        var replay = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.PrivateKeyJwtService, Scope = "api",
            ClientCredentialStyle = ClientCredentialStyle.PostBody, // IdentityModel's rule: an assertion goes in the body
            ClientAssertion = new ClientAssertion { Type = OidcConstants.ClientAssertionTypes.JwtBearer, Value = ClientAssertions.Sign(claims, ClientAssertions.Rsa, "PS256") },
        });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.HttpStatusCode);
        Assert.Equal("invalid_client", replay.TryGet("error"));
    });

    [Fact]
    public Task Client_credentials_with_client_secret_jwt() => Cell(Flow.ClientSecretJwt, async () =>
    {
        var disco = await DiscoverAsync();
        Assert.Contains("HS256", disco.TokenEndpointAuthenticationSigningAlgorithmsSupported);
        var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.ClientSecretJwtService, Scope = "api",
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = new ClientAssertion
            {
                Type = OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = ClientAssertions.Hmac(ClientAssertions.Claims(interop.Server, InteropFixture.ClientSecretJwtService, interop.Issuer)),
            },
        });
        AssertOk(response);
        var introspected = await _http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = InteropFixture.ClientSecretJwtService, Token = response.AccessToken!,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = new ClientAssertion
            {
                Type = OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = ClientAssertions.Hmac(ClientAssertions.Claims(interop.Server, InteropFixture.ClientSecretJwtService, disco.IntrospectionEndpoint!)),
            },
        });
        Assert.False(introspected.IsError, introspected.Error);
        Assert.True(introspected.IsActive);
    });

    [Fact]
    public Task Device_authorization() => Cell(Flow.Device, async () =>
    {
        var disco = await DiscoverAsync();
        var start = await _http.RequestDeviceAuthorizationAsync(new DeviceAuthorizationRequest
        {
            Address = disco.DeviceAuthorizationEndpoint, ClientId = InteropFixture.IdentityModelDevice, Scope = "openid profile",
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });
        Assert.False(start.IsError, start.Error);
        var poll = new DeviceTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.IdentityModelDevice, DeviceCode = start.DeviceCode!,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        };
        Assert.Equal(OidcConstants.TokenErrors.AuthorizationPending, (await _http.RequestDeviceTokenAsync(poll)).Error);

        // The person at the TV: the verification_uri_complete link, Latchkey's login, then Approve (real pages over HTTP).
        await ApprovalPages.ApproveDeviceAsync(interop.Server, start.VerificationUriComplete!, InteropFixture.IdentityModelUser, start.UserCode!);

        interop.Server.Clock.Advance(TimeSpan.FromSeconds(start.Interval + 1));
        var tokens = await _http.RequestDeviceTokenAsync(poll);
        AssertOk(tokens);
        var id = await JwksValidator.ValidateAsync(Keys(disco), tokens.IdentityToken!, interop.Issuer, InteropFixture.IdentityModelDevice);
        Assert.Equal(InteropFixture.IdentityModelUser, id.GetClaim("preferred_username").Value);
    });

    [Fact]
    public Task Password() => Cell(Flow.Password, async () =>
    {
        var disco = await DiscoverAsync();
        var response = await PasswordAsync(disco);
        var id = await JwksValidator.ValidateAsync(Keys(disco), response.IdentityToken!, interop.Issuer, InteropFixture.IdentityModelApp);
        Assert.Equal(InteropFixture.IdentityModelUser, id.GetClaim("preferred_username").Value);
        Assert.NotNull(response.RefreshToken);
    });

    [Fact]
    public Task Refresh_rotates() => Cell(Flow.Refresh, async () =>
    {
        var disco = await DiscoverAsync();
        var first = await PasswordAsync(disco);
        var second = await RefreshAsync(disco, first.RefreshToken!);
        AssertOk(second);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        await JwksValidator.ValidateAsync(Keys(disco), second.AccessToken!, interop.Issuer, InteropFixture.Api, "at+jwt");

        // RFC 9700 §4.14.2: the rotated-out token is refused, and presenting it ends the family.
        var reuse = await RefreshAsync(disco, first.RefreshToken!);
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, reuse.Error);
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, (await RefreshAsync(disco, second.RefreshToken!)).Error);
    });

    [Fact]
    public Task UserInfo() => Cell(Flow.UserInfo, async () =>
    {
        var disco = await DiscoverAsync();
        var tokens = await PasswordAsync(disco);
        var response = await _http.GetUserInfoAsync(new UserInfoRequest { Address = disco.UserInfoEndpoint, Token = tokens.AccessToken });
        Assert.False(response.IsError, response.Error);
        Assert.Equal(InteropFixture.IdentityModelUser + "@example.com", response.TryGet(JwtClaimTypes.Email));
        Assert.Equal(JwtPayloadSubject(tokens.IdentityToken!), response.TryGet(JwtClaimTypes.Subject));
    });

    [Fact]
    public Task Introspection() => Cell(Flow.Introspection, async () =>
    {
        var disco = await DiscoverAsync();
        var tokens = await PasswordAsync(disco);
        var access = await IntrospectAsync(disco, tokens.AccessToken!);
        Assert.True(access.IsActive);
        Assert.Equal(InteropFixture.IdentityModelApp, access.ClientId);
        Assert.Equal(interop.Issuer, access.Issuer);
        Assert.Equal(JwtPayloadSubject(tokens.IdentityToken!), access.Subject);
        Assert.Contains("api", access.Scopes);
        // A refresh token is the client's own business: the client asks, not the resource server.
        Assert.True((await IntrospectAsync(disco, tokens.RefreshToken!, OidcConstants.TokenTypes.RefreshToken, InteropFixture.IdentityModelApp)).IsActive);
        Assert.False((await IntrospectAsync(disco, tokens.RefreshToken!, OidcConstants.TokenTypes.RefreshToken)).IsActive);
        Assert.False((await IntrospectAsync(disco, "not-a-token-latchkey-issued")).IsActive);
    });

    [Fact]
    public Task Introspection_as_a_signed_jwt() => Cell(Flow.IntrospectionJwt, async () =>
    {
        var disco = await DiscoverAsync();
        var tokens = await PasswordAsync(disco);
        var validator = new JwksIntrospectionValidator(Keys(disco), interop.Issuer, InteropFixture.ResourceServer);
        var response = await _http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint!, ClientId = InteropFixture.ResourceServer, ClientSecret = InteropFixture.Secret,
            Token = tokens.AccessToken!, ResponseFormat = ResponseFormat.Jwt, JwtResponseValidator = validator,
        });
        Assert.False(response.IsError, response.Error);
        Assert.Equal(1, validator.Validated);
        Assert.True(response.IsActive);
        Assert.Equal(InteropFixture.IdentityModelApp, response.ClientId);
    });

    [Fact]
    public Task Revocation() => Cell(Flow.Revocation, async () =>
    {
        var disco = await DiscoverAsync();
        var tokens = await PasswordAsync(disco);
        var response = await _http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = disco.RevocationEndpoint!, ClientId = InteropFixture.IdentityModelApp, ClientSecret = InteropFixture.Secret,
            Token = tokens.RefreshToken!, TokenTypeHint = OidcConstants.TokenTypes.RefreshToken,
        });
        Assert.False(response.IsError, response.Error);
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, (await RefreshAsync(disco, tokens.RefreshToken!)).Error);
        Assert.False((await IntrospectAsync(disco, tokens.AccessToken!)).IsActive); // the whole grant went
    });

    /// <summary>RFC 8693 delegation: the app swaps the user's token for one meant for a downstream API, acting as itself.</summary>
    [Fact]
    public Task Token_exchange() => Cell(Flow.TokenExchange, async () =>
    {
        var disco = await DiscoverAsync();
        var user = await PasswordAsync(disco);
        var actor = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.IdentityModelApp, ClientSecret = InteropFixture.Secret, Scope = "api",
        });
        AssertOk(actor);
        var exchanged = await _http.RequestTokenExchangeTokenAsync(new TokenExchangeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.IdentityModelApp, ClientSecret = InteropFixture.Secret,
            SubjectToken = user.AccessToken!, SubjectTokenType = OidcConstants.TokenTypeIdentifiers.AccessToken,
            ActorToken = actor.AccessToken, ActorTokenType = OidcConstants.TokenTypeIdentifiers.AccessToken,
            Audience = InteropFixture.ExchangeAudience,
        });
        AssertOk(exchanged);
        Assert.Equal(OidcConstants.TokenTypeIdentifiers.AccessToken, exchanged.IssuedTokenType);
        var token = await JwksValidator.ValidateAsync(Keys(disco), exchanged.AccessToken!, interop.Issuer,
            InteropFixture.ExchangeAudience, "at+jwt");
        Assert.Equal(JwtPayloadSubject(user.IdentityToken!), token.Subject);
        Assert.True(token.TryGetPayloadValue<Dictionary<string, object>>("act", out var act), "no act claim");
        Assert.Equal(InteropFixture.IdentityModelApp, act["sub"].ToString());
    });

    private async Task<DiscoveryDocumentResponse> DiscoverAsync()
    {
        // The default policy: https required, except on loopback (AllowHttpOnLoopback), where the tests run Latchkey.
        var disco = await _http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = interop.Issuer });
        Assert.False(disco.IsError, $"discovery: {disco.Error}");
        return disco;
    }

    private async Task<TokenResponse> PasswordAsync(DiscoveryDocumentResponse disco)
    {
        var response = await _http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.IdentityModelApp, ClientSecret = InteropFixture.Secret,
            UserName = InteropFixture.IdentityModelUser, Password = TestRealm.Password, Scope = UserScope,
        });
        AssertOk(response);
        return response;
    }

    private Task<TokenResponse> RefreshAsync(DiscoveryDocumentResponse disco, string refreshToken) =>
        _http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = InteropFixture.IdentityModelApp, ClientSecret = InteropFixture.Secret, RefreshToken = refreshToken,
        });

    private async Task<TokenIntrospectionResponse> IntrospectAsync(DiscoveryDocumentResponse disco, string token, string? hint = null,
        string clientId = InteropFixture.ResourceServer)
    {
        var response = await _http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint!, ClientId = clientId, ClientSecret = InteropFixture.Secret,
            Token = token, TokenTypeHint = hint,
        });
        Assert.False(response.IsError, response.Error);
        return response;
    }

    private static string Keys(DiscoveryDocumentResponse disco) => disco.KeySet?.RawData ?? throw new InvalidOperationException("no JWKS");

    private static void AssertOk(TokenResponse response) =>
        Assert.False(response.IsError, $"{(int)response.HttpStatusCode} {response.Error}: {response.ErrorDescription} {response.Raw}");

    private static string JwtPayloadSubject(string jwt) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(jwt).Subject;

    private static Task Cell(string flow, Func<Task> body) => InteropMatrix.RunAsync(StockClient.IdentityModel, flow, body);

    public void Dispose() => _http.Dispose();
}
