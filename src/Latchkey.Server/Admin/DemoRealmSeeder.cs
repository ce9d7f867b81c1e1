using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Admin;

/// <summary>
/// On the very first start (no realm at all), creates the demo realm: one user, one confidential
/// web client, one public SPA client and an API scope, and prints their credentials once.
/// </summary>
public sealed class DemoRealmSeeder(AdminRepository admin, IOptions<LatchkeyOptions> options)
{
    public async Task SeedAsync(TextWriter console, CancellationToken ct)
    {
        var realm = options.Value.DemoRealm;
        if (string.IsNullOrEmpty(realm) || await admin.AnyRealmAsync(ct)) return;
        await admin.SaveRealmAsync(new Realm { Name = realm, DisplayName = "Demo", SigningAlgorithm = SigningAlgorithms.RS256 }, ct);
        await admin.SaveScopeAsync(realm, new ScopeDefinition("api", "Use the demo API on your behalf", "demo-api"), ct);
        string[] scopes = ["openid", "profile", "email", "offline_access", "api"];
        var (_, webSecret, _) = await admin.SaveClientAsync(realm, new ClientRegistration
        {
            ClientId = "demo-web", DisplayName = "Demo Web App", Type = ClientType.Confidential,
            RedirectUris = ["http://localhost:5002/signin-oidc"],
            PostLogoutRedirectUris = ["http://localhost:5002/signout-callback-oidc"], AllowedScopes = scopes,
        }, ct);
        await admin.SaveClientAsync(realm, new ClientRegistration
        {
            ClientId = "demo-spa", DisplayName = "Demo SPA", Type = ClientType.Public,
            RedirectUris = ["http://localhost:5173/callback"], PostLogoutRedirectUris = ["http://localhost:5173/"], AllowedScopes = scopes,
        }, ct);
        var password = RandomToken.Create(12);
        await admin.SaveUserAsync(realm, new User
        {
            Realm = realm, Id = Guid.NewGuid().ToString(), Username = "alice", Email = "alice@example.com", EmailVerified = true,
            GivenName = "Alice", FamilyName = "Liddell",
        }, password, ct);

        console.WriteLine($"""

            ==== Latchkey demo realm '{realm}' created (shown once; stored only as hashes) ====
              user          alice / {password}
              web client    demo-web / {webSecret}   (confidential, redirect http://localhost:5002/signin-oidc)
              spa client    demo-spa                  (public + PKCE, redirect http://localhost:5173/callback)
              API scope     api  (audience demo-api)
              New secret:   latchkey clients rotate-secret --realm {realm} demo-web
              New password: latchkey users set-password --realm {realm} alice --password <new>
            ====================================================================================

            """);
    }
}
