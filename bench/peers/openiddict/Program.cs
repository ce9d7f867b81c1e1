// OpenIddict peer for bench/run.sh: the same clients and user as Latchkey's bench realm.
// A real OpenIddict setup, not degraded mode: applications, authorizations, scopes and tokens live in EF Core
// (SQLite in WAL mode, like Latchkey), client secrets are hashed by OpenIddict's own manager, token storage is on
// (OpenIddict's default: one token row per issued token). The one departure from the defaults: access-token
// encryption is off, so the access token is a plain JWS like Latchkey's.
//  - scenario 1: client `bench`, client credentials (TokenEndpoint.cs);
//  - scenarios 2–4: client `bench-web`, authorization code with PKCE through a cookie login of ours with the bench
//    user's password (LoginEndpoint.cs, BenchUser.cs), consent remembered as a permanent authorization
//    (AuthorizeEndpoint.cs), rolling refresh tokens (OpenIddict's default);
//  - scenario 5: userinfo (UserInfoEndpoint.cs), and with --reference, OpenIddict's reference access tokens
//    (a server-wide switch, hence a second process) for client `bench-ref`, introspected by itself.
//
// usage: openiddict-peer --urls=http://127.0.0.1:PORT --data=DIR --alg=RS256|ES256 --secret=SECRET [--reference]
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddictPeer;
using static OpenIddict.Abstractions.OpenIddictConstants;

var settings = args.Where(a => a.StartsWith("--") && a.Contains('='))
    .Select(a => a[2..].Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
var dataDir = settings.GetValueOrDefault("data", "openiddict-data");
var alg = settings.GetValueOrDefault("alg", "RS256");
var secret = settings.GetValueOrDefault("secret") ?? throw new ArgumentException("--secret=… is required");
var reference = args.Contains("--reference");
Directory.CreateDirectory(dataDir);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<DbContext>(db =>
{
    db.UseSqlite($"Data Source={Path.Combine(dataDir, "openiddict.db")}");
    db.UseOpenIddict();
});
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(cookie => cookie.LoginPath = "/account/login");
builder.Services.AddAntiforgery();
builder.Services.AddSingleton(new BenchUser(settings.GetValueOrDefault("user-password", "bench-password-not-secret")));
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
    .AddServer(server =>
    {
        server.SetTokenEndpointUris("connect/token")
            .SetAuthorizationEndpointUris("connect/authorize")
            .SetIntrospectionEndpointUris("connect/introspect")
            .SetUserInfoEndpointUris("connect/userinfo");
        server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
        server.RequireProofKeyForCodeExchange();
        server.RegisterScopes("api", Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
        server.SetAccessTokenLifetime(TimeSpan.FromMinutes(reference ? 15 : 5));
        server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(10));
        // Same algorithms as Latchkey: RSA 2048 → RS256, P-256 → ES256.
        server.AddSigningKey(alg == "ES256"
            ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256))
            : new RsaSecurityKey(RSA.Create(2048)));
        server.AddEphemeralEncryptionKey();
        server.DisableAccessTokenEncryption();
        if (reference) server.UseReferenceAccessTokens();
        server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .EnableAuthorizationEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .DisableTransportSecurityRequirement(); // plain http on loopback only
    });

var app = builder.Build();
await Seed.RunAsync(app.Services, secret);
app.UseAuthentication();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapLoginEndpoint();
app.MapUserInfoEndpoint();
app.Run();
