using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;
using Latchkey.Server.Admin;
using Latchkey.Server.Http;
using Latchkey.Server.Operations;
using Latchkey.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

/// <summary>Builds and prepares the web host; used by the program, the command line and the tests alike.</summary>
public static class LatchkeyHost
{
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>Migrations, and the wait while another node initializes, are not bound by Storage:CommandTimeoutSeconds.</summary>
    private static readonly TimeSpan StartupCommandTimeout = TimeSpan.FromMinutes(10);

    public static WebApplication Build(string[] configurationArgs, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
            // The pages are found through the application name, which must be ours even when a test host runs us.
            ApplicationName = typeof(LatchkeyHost).Assembly.GetName().Name,
        });
        if (new[] { "urls", "http_ports", "https_ports" }.All(k => string.IsNullOrEmpty(builder.Configuration[k])))
            builder.WebHost.UseUrls(DefaultUrl);
        // A failing readiness probe is logged once as a warning by DatabaseHealthCheck, not as an error per probe.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        builder.Services.AddLatchkey(builder.Configuration);
        builder.Services.AddRazorPages();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LatchkeyOptions>>().Value;
        app.UseLatchkeyForwardedHeaders(options.ForwardedHeaders);
        app.UseExceptionHandler(error => error.Run(WriteServerError));
        app.UseLatchkeySecurityHeaders();
        app.UseLatchkeyMalformedBodies();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseLatchkeyRateLimiting(options.RateLimits);
        app.MapLatchkeyHealth();
        app.MapLatchkeyMetrics(options.Metrics);
        app.MapRazorPages();
        app.MapLatchkeyProtocol();
        app.MapLatchkeyTokenManagement();
        app.MapLatchkeyDecoupledFlows();
        return app;
    }

    /// <summary>
    /// Migrates the schema (SQLite by default) or refuses an outdated one (PostgreSQL: `latchkey migrate`), then,
    /// one node at a time, applies an import file, seeds the demo realm on a first start and creates what must
    /// exist once: the first Data Protection key and every realm's signing key.
    /// </summary>
    public static async Task InitializeAsync(WebApplication app, string? importFile, TextWriter console, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<LatchkeyOptions>>().Value;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>().CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(StartupCommandTimeout);
        if (options.Storage.MigratesOnStart) await StorageProvider.MigrateAsync(db, ct);
        else await RequireMigratedAsync(db, ct);

        await using (await StorageProvider.LockInitializationAsync(db, ct))
        {
            await app.Services.GetRequiredService<DataProtectionKeyRepository>()
                .ImportFilesOnceAsync(Path.Combine(options.DataDirectory, "dataprotection-keys"), ct);
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Latchkey.Initialization").Protect([1]);
            if (importFile is not null) await app.Services.GetRequiredService<ImportFileLoader>().LoadAsync(importFile, console, ct);
            await app.Services.GetRequiredService<DemoRealmSeeder>().SeedAsync(console, ct);
            await EnsureSigningKeysAsync(app.Services, ct);
        }
    }

    /// <summary>`latchkey migrate`: applies every pending migration; safe to run from several nodes at once.</summary>
    public static async Task MigrateAsync(WebApplication app, TextWriter console, CancellationToken ct)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>().CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(StartupCommandTimeout);
        var pending = await StorageProvider.PendingMigrationsAsync(db, ct);
        await StorageProvider.MigrateAsync(db, ct);
        console.WriteLine(pending.Count == 0 ? "the database schema is up to date" : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}");
    }

    private static async Task RequireMigratedAsync(LatchkeyDbContext db, CancellationToken ct)
    {
        var pending = await StorageProvider.PendingMigrationsAsync(db, ct);
        if (pending.Count > 0)
            throw new AdminException($"the database schema is not up to date ({pending.Count} migration(s) pending, latest {pending[^1]}). "
                + "Run `latchkey migrate` with the same Latchkey:Storage settings, then start again.");
    }

    /// <summary>Every realm has its signing key from the first start, before any token is asked for.</summary>
    private static async Task EnsureSigningKeysAsync(IServiceProvider services, CancellationToken ct)
    {
        var keys = services.GetRequiredService<IKeyRing>();
        foreach (var realm in await services.GetRequiredService<AdminRepository>().ListRealmsAsync(ct))
            await keys.SigningKeyAsync(realm.Name, realm.SigningAlgorithm, ct);
    }

    /// <summary>An exception is a bug: the client gets server_error and an id to quote; the log gets the rest.</summary>
    private static Task WriteServerError(HttpContext http)
    {
        var id = http.TraceIdentifier;
        var failure = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Latchkey.ServerError")
            .LogError(failure, "server_error {CorrelationId} on {Path}", id, http.Request.Path);
        http.Response.StatusCode = 500;
        return ProtocolResponses.WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteString(Parameters.Error, ErrorCodes.ServerError);
            w.WriteString(Parameters.ErrorDescription, $"An unexpected error occurred. Correlation id: {id}");
            w.WriteEndObject();
        });
    }
}
