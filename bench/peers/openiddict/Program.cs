// OpenIddict peer for bench/run.sh: the same service account as Latchkey's bench realm.
// A real OpenIddict setup, not degraded mode: applications, scopes and tokens live in EF Core
// (SQLite in WAL mode, like Latchkey), the client's secret is hashed by OpenIddict's own manager, token
// storage is on (OpenIddict's default: one token row per issued token). The one departure from
// the defaults: access-token encryption is off, so the access token is a plain JWS like Latchkey's.
//
// usage: openiddict-peer --urls=http://127.0.0.1:PORT --data=DIR --alg=RS256|ES256 --secret=SECRET
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

var settings = args.Where(a => a.StartsWith("--") && a.Contains('='))
    .Select(a => a[2..].Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
var dataDir = settings.GetValueOrDefault("data", "openiddict-data");
var alg = settings.GetValueOrDefault("alg", "RS256");
var secret = settings.GetValueOrDefault("secret") ?? throw new ArgumentException("--secret=… is required");
Directory.CreateDirectory(dataDir);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<DbContext>(db =>
{
    db.UseSqlite($"Data Source={Path.Combine(dataDir, "openiddict.db")}");
    db.UseOpenIddict();
});
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
    .AddServer(server =>
    {
        server.SetTokenEndpointUris("connect/token");
        server.AllowClientCredentialsFlow();
        server.RegisterScopes("api");
        server.SetAccessTokenLifetime(TimeSpan.FromMinutes(5));
        // Same algorithms as Latchkey: RSA 2048 → RS256, P-256 → ES256.
        server.AddSigningKey(alg == "ES256"
            ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256))
            : new RsaSecurityKey(RSA.Create(2048)));
        server.AddEphemeralEncryptionKey();
        server.DisableAccessTokenEncryption();
        server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .DisableTransportSecurityRequirement(); // plain http on loopback only
    });

var app = builder.Build();
await SeedAsync(app.Services, secret);

// The token endpoint as OpenIddict's client-credentials samples write it.
app.MapPost("/connect/token", async (HttpContext http, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes) =>
{
    var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
    if (!request.IsClientCredentialsGrantType()) return Results.BadRequest();
    var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
        ?? throw new InvalidOperationException("unknown client");

    var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
    identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, http.RequestAborted));
    identity.SetScopes(request.GetScopes());
    var resources = new List<string>();
    await foreach (var resource in scopes.ListResourcesAsync(identity.GetScopes(), http.RequestAborted)) resources.Add(resource);
    identity.SetResources(resources);
    identity.SetDestinations(static _ => [Destinations.AccessToken]);
    return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
});

app.Run();

static async Task SeedAsync(IServiceProvider services, string secret)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<DbContext>();
    await db.Database.EnsureCreatedAsync();
    // As Latchkey does: WAL lets readers run beside SQLite's single writer.
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

    var scopes = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
    if (await scopes.FindByNameAsync("api") is null)
        await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = "api", Resources = { "bench-api" } });

    var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
    if (await applications.FindByClientIdAsync("bench") is { } existing) await applications.DeleteAsync(existing);
    await applications.CreateAsync(new OpenIddictApplicationDescriptor
    {
        ClientId = "bench",
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + "api",
        },
    });
}
