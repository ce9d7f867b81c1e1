using System.Collections.Concurrent;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Users;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Browser;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// One Latchkey on loopback (the shared test realm, loaded through the import file) plus the clients and
/// users the stock libraries sign in with, registered through the admin repository so the shared realm
/// stays as it is.
/// </summary>
public sealed class InteropFixture : IAsyncLifetime
{
    public const string Secret = "interop-secret-chosen-for-tests";
    /// <summary>
    /// RFC 6749 §2.3.1: id and secret are form-urlencoded before they go into HTTP Basic, so a secret with
    /// ':', '+', '/', '%', '=', '&amp;' and a space tells whether client and server agree on that.
    /// </summary>
    public const string ServiceSecret = "in:terop +secret/%=&";
    public const string Api = "test-api"; // the audience of the realm's `api` scope
    public const string ExchangeAudience = "interop-downstream";

    /// <summary>RFC 8252 §7.3: a native app's loopback redirect is registered without a port and may use any.</summary>
    public static readonly int NativePort = FreePort.Next();

    public static readonly InteropClient OidcClient = new("oidcclient-native", $"http://127.0.0.1:{NativePort}/callback",
        $"http://127.0.0.1:{NativePort}/logged-out", "interop-oidcclient");
    public static readonly InteropClient OpenIdClient = new("node-openid-client", "https://openid-client.interop.example/cb",
        "https://openid-client.interop.example/bye", "interop-openid-client");
    /// <summary>openid-client's hybrid flow (code id_token) and implicit flow (id_token): legacy, behind the implicit switch.</summary>
    public static readonly InteropClient OpenIdClientHybrid = new("node-openid-client-hybrid", "https://openid-client.interop.example/hybrid",
        "https://openid-client.interop.example/bye", "interop-openid-client");
    public static readonly InteropClient OpenIdClientImplicit = new("node-openid-client-implicit", "https://openid-client.interop.example/implicit",
        "https://openid-client.interop.example/bye", "interop-openid-client");
    public static readonly InteropClient OAuth4WebApi = new("node-oauth4webapi", "https://oauth4webapi.interop.example/cb",
        "https://oauth4webapi.interop.example/bye", "interop-oauth4webapi");

    /// <summary>Duende.IdentityModel's back-channel flows: password, refresh, client credentials, token exchange.</summary>
    public const string IdentityModelApp = "identitymodel-app";
    public const string IdentityModelUser = "interop-identitymodel";
    /// <summary>A public device client (a TV) for IdentityModel's device-flow requests.</summary>
    public const string IdentityModelDevice = "identitymodel-tv";
    /// <summary>openid-client's device flow (a public TV client) and CIBA (a confidential client in poll mode).</summary>
    public const string OpenIdClientDevice = "node-openid-client-tv";
    public const string OpenIdClientCiba = "node-openid-client-ciba";
    /// <summary>A service with only the client-credentials switch.</summary>
    public const string Service = "interop-service";
    /// <summary>The API's client id is its audience: Latchkey answers a resource server only about tokens meant for it (RFC 7662 §4).</summary>
    public const string ResourceServer = "test-api";

    /// <summary>
    /// A service that authenticates with private_key_jwt; its registered JWK Set holds the public halves of
    /// ClientAssertions.Rsa (the .NET side signs with it) and ClientAssertions.Ec (the Node side).
    /// </summary>
    public const string PrivateKeyJwtService = "interop-private-key-jwt";
    /// <summary>A service that authenticates with client_secret_jwt (HS256 needs 32 bytes of secret at least).</summary>
    public const string ClientSecretJwtService = "interop-client-secret-jwt";

    public LatchkeyServer Server { get; } = new();
    public string Issuer => Server.Issuer;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        var admin = Server.Services.GetRequiredService<AdminRepository>();
        string[] userScopes = ["openid", "profile", "email", "offline_access", "api"];
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OidcClient.ClientId, DisplayName = "OidcClient (native)", ChosenSecret = Secret,
            RedirectUris = ["http://127.0.0.1/callback"], PostLogoutRedirectUris = [OidcClient.PostLogoutRedirectUri], AllowedScopes = userScopes,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OpenIdClient.ClientId, DisplayName = "openid-client", ChosenSecret = Secret,
            RedirectUris = [OpenIdClient.RedirectUri], PostLogoutRedirectUris = [OpenIdClient.PostLogoutRedirectUri], AllowedScopes = userScopes,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OpenIdClientHybrid.ClientId, ChosenSecret = Secret, RedirectUris = [OpenIdClientHybrid.RedirectUri], AllowedScopes = userScopes,
            Capabilities = ClientCapabilities.StandardFlow | ClientCapabilities.ImplicitFlow,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OpenIdClientImplicit.ClientId, Type = ClientType.Public, RedirectUris = [OpenIdClientImplicit.RedirectUri],
            AllowedScopes = ["openid", "profile"], Capabilities = ClientCapabilities.ImplicitFlow,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OAuth4WebApi.ClientId, DisplayName = "oauth4webapi (SPA)", Type = ClientType.Public,
            RedirectUris = [OAuth4WebApi.RedirectUri], AllowedScopes = ["openid", "profile", "api"],
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = IdentityModelApp, ChosenSecret = Secret, AllowedScopes = userScopes,
            Capabilities = ClientCapabilities.DirectAccessGrants | ClientCapabilities.ServiceAccount | ClientCapabilities.TokenExchange,
            TokenExchangeAudiences = [ExchangeAudience],
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = IdentityModelDevice, DisplayName = "IdentityModel TV", Type = ClientType.Public, AllowedScopes = userScopes,
            Capabilities = ClientCapabilities.DeviceAuthorizationGrant,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OpenIdClientDevice, DisplayName = "openid-client TV", Type = ClientType.Public, AllowedScopes = userScopes,
            Capabilities = ClientCapabilities.DeviceAuthorizationGrant,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = OpenIdClientCiba, DisplayName = "openid-client call centre", ChosenSecret = Secret, AllowedScopes = userScopes,
            Capabilities = ClientCapabilities.Ciba,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = Service, ChosenSecret = ServiceSecret, AllowedScopes = ["api"], Capabilities = ClientCapabilities.ServiceAccount,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = PrivateKeyJwtService, TokenEndpointAuthMethod = "private_key_jwt", Jwks = ClientAssertions.InlineJwks,
            AllowedScopes = ["api"], Capabilities = ClientCapabilities.ServiceAccount,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = ClientSecretJwtService, TokenEndpointAuthMethod = "client_secret_jwt", ChosenSecret = ClientAssertions.JwtSecret,
            AllowedScopes = ["api"], Capabilities = ClientCapabilities.ServiceAccount,
        });
        await SaveAsync(admin, new ClientRegistration
        {
            ClientId = ResourceServer, ChosenSecret = Secret, AllowedScopes = [], Capabilities = ClientCapabilities.TokenIntrospection,
        });
        foreach (var username in new[] { OidcClient.Username, OpenIdClient.Username, OAuth4WebApi.Username, IdentityModelUser })
        {
            var user = new User
            {
                Realm = TestRealm.Name, Id = Guid.NewGuid().ToString(), Username = username, Email = username + "@example.com",
                EmailVerified = true, GivenName = "Interop", FamilyName = username,
            };
            await admin.SaveUserAsync(TestRealm.Name, user, TestRealm.Password, CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _once = new();
    private readonly ConcurrentDictionary<string, BrowserUser> _people = new();

    /// <summary>
    /// Runs <paramref name="create"/> once per key for the whole collection: a sign-in that several tests
    /// build on (each test still runs alone when filtered).
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _once.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    /// <summary>The person who signs in to this client, at a Chromium profile kept for the whole run.</summary>
    public BrowserUser PersonOf(InteropClient client, ChromiumFixture chromium) =>
        _people.GetOrAdd(client.ClientId, _ => new BrowserUser(chromium, client.Username));

    private static Task SaveAsync(AdminRepository admin, ClientRegistration registration) =>
        admin.SaveClientAsync(TestRealm.Name, registration, CancellationToken.None);
}
