using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;
using Latchkey.Interop.Tests.Infrastructure;
using Latchkey.Interop.Tests.Matrix;
using Latchkey.Server.Tests.Browser;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit.Abstractions;

namespace Latchkey.Interop.Tests;

/// <summary>
/// Duende.IdentityModel.OidcClient as a native app: PrepareLoginAsync, the browser part in Chromium at an
/// RFC 8252 loopback redirect, ProcessResponseAsync. Set up as its docs say (authority, client id and
/// secret, redirect URI, scope), plus one change: a real ID-token validator (<see cref="JwksIdentityTokenValidator"/>),
/// because the default one checks nothing. Client authentication stays its default, client_secret_post.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class OidcClientTests(ChromiumFixture chromium, InteropFixture interop, ITestOutputHelper output)
{
    private static readonly InteropClient Client = InteropFixture.OidcClient;

    [Fact]
    public Task Code_flow_with_pkce_in_chromium() => Cell(Flow.CodePkce, async () =>
    {
        var login = await LoginAsync("first");
        Assert.False(login.Result.IsError, $"{login.Result.Error}: {login.Result.ErrorDescription}");
        Assert.Equal(1, login.Validator.Validated); // our validator ran: OidcClient did not skip it
        Assert.Equal(Client.Username, login.Result.User.FindFirst("preferred_username")?.Value);
        Assert.NotNull(login.Result.RefreshToken);
        var access = new JsonWebToken(login.Result.AccessToken);
        Assert.Equal(Client.ClientId, access.GetClaim("client_id").Value);
        Assert.Equal(login.Result.User.FindFirst("sub")?.Value, access.Subject);
    });

    [Fact]
    public Task Refresh_rotates() => Cell(Flow.Refresh, async () =>
    {
        var login = await LoginAsync("refresh");
        login.Validator.NonceMayBeAbsent = true;
        var refreshed = await login.Client.RefreshTokenAsync(login.Result.RefreshToken);
        Assert.False(refreshed.IsError, $"{refreshed.Error}: {refreshed.ErrorDescription}");
        Assert.NotEqual(login.Result.RefreshToken, refreshed.RefreshToken);
        if (refreshed.IdentityToken is not null)
            Assert.Equal(login.Result.User.FindFirst("sub")?.Value, new JsonWebToken(refreshed.IdentityToken).Subject); // OIDC Core §12.2
        var reuse = await login.Client.RefreshTokenAsync(login.Result.RefreshToken);
        Assert.Equal("invalid_grant", reuse.Error);
    });

    [Fact]
    public Task UserInfo() => Cell(Flow.UserInfo, async () =>
    {
        var login = await LoginAsync("first");
        var userinfo = await login.Client.GetUserInfoAsync(login.Result.AccessToken);
        Assert.False(userinfo.IsError, userinfo.Error);
        Assert.Equal(login.Result.User.FindFirst("sub")?.Value, userinfo.Claims.Single(c => c.Type == "sub").Value);
        Assert.Equal(Client.Username + "@example.com", userinfo.Claims.Single(c => c.Type == "email").Value);
    });

    [Fact]
    public Task Logout_in_chromium() => Cell(Flow.Logout, async () =>
    {
        var login = await LoginAsync("logout");
        var url = await login.Client.PrepareLogoutAsync(new LogoutRequest { IdTokenHint = login.Result.IdentityToken, State = "bye-state" });
        var visit = await Person.VisitAsync(url, Client.PostLogoutRedirectUri);
        Assert.Equal("bye-state", QueryHelpers.ParseQuery(visit.Reached.Query)["state"].ToString());

        // The session is gone: the next sign-in through OidcClient asks for the password again.
        var again = await LoginAsync("after-logout");
        Assert.True(again.Visit.SignedIn, "after logout Latchkey let the browser through without signing in");
    });

    private BrowserUser Person => interop.PersonOf(Client, chromium);

    private Task<Login> LoginAsync(string key) => interop.OnceAsync("oidcclient:" + key, async () =>
    {
        var validator = new JwksIdentityTokenValidator();
        var client = new OidcClient(new OidcClientOptions
        {
            Authority = interop.Issuer,
            ClientId = Client.ClientId,
            ClientSecret = InteropFixture.Secret,
            RedirectUri = Client.RedirectUri,
            PostLogoutRedirectUri = Client.PostLogoutRedirectUri,
            Scope = "openid profile email offline_access api",
            IdentityTokenValidator = validator,
            // Policy.Discovery is left as it is: https required except on loopback, where Latchkey runs here.
        });
        var state = await client.PrepareLoginAsync();
        output.WriteLine($"OidcClient sends the browser to {state.StartUrl}");
        var request = QueryHelpers.ParseQuery(new Uri(state.StartUrl).Query);
        Assert.Equal("S256", request["code_challenge_method"].ToString());
        validator.ExpectedNonce = request.TryGetValue("nonce", out var nonce) ? nonce.ToString() : null;

        var visit = await Person.VisitAsync(state.StartUrl, Client.RedirectUri);
        var result = await client.ProcessResponseAsync(visit.Reached.ToString(), state);
        Assert.False(result.IsError, $"ProcessResponseAsync: {result.Error}: {result.ErrorDescription}");
        return new Login(client, validator, result, visit);
    });

    private sealed record Login(OidcClient Client, JwksIdentityTokenValidator Validator, LoginResult Result, BrowserUser.Visit Visit);

    private static Task Cell(string flow, Func<Task> body) => InteropMatrix.RunAsync(StockClient.OidcClient, flow, body);
}
