using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>The scope and the three clients of the bench, created at start (secrets hashed by OpenIddict's manager).</summary>
public static class Seed
{
    public static async Task RunAsync(IServiceProvider services, string secret)
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
        foreach (var descriptor in Clients(secret))
        {
            if (await applications.FindByClientIdAsync(descriptor.ClientId!) is { } existing) await applications.DeleteAsync(existing);
            await applications.CreateAsync(descriptor);
        }
    }

    private static IEnumerable<OpenIddictApplicationDescriptor> Clients(string secret)
    {
        yield return new OpenIddictApplicationDescriptor
        {
            ClientId = "bench", ClientSecret = secret, ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "api" },
        };
        yield return new OpenIddictApplicationDescriptor
        {
            ClientId = "bench-ref", ClientSecret = secret, ClientType = ClientTypes.Confidential,
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + "api",
            },
        };
        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = "bench-web", ClientSecret = secret, ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            RedirectUris = { new Uri("http://127.0.0.1:9/cb") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
                Permissions.Scopes.Email, Permissions.Prefixes.Scope + "api",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        yield return web;
    }
}
