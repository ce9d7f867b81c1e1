using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;
using Latchkey.Server.Sessions;
using Latchkey.Storage;
using Latchkey.Storage.Entities;
using Latchkey.Storage.Stores;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Server.Admin;

/// <summary>
/// Registration of realms, scopes, clients and users: used by the command line, the import file and
/// the demo realm. Writes only what differs, so applying the same input twice changes nothing.
/// </summary>
public sealed class AdminRepository(IDbContextFactory<LatchkeyDbContext> factory, CachingDirectoryStore cache, IKeyProtector protector,
    IAuditSink audit)
{
    public async Task<bool> AnyRealmAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Realms.AnyAsync(ct);
    }

    public async Task<IReadOnlyList<Realm>> ListRealmsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Realms.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct)).Select(r => r.ToModel()).ToArray();
    }

    /// <summary>Creates the realm or updates every setting of it to <paramref name="model"/>.</summary>
    public async Task<bool> SaveRealmAsync(Realm model, CancellationToken ct)
    {
        if (!SigningAlgorithms.IsSupported(model.SigningAlgorithm)) throw new AdminException($"Unsupported signing algorithm '{model.SigningAlgorithm}'.");
        await using var db = await factory.CreateDbContextAsync(ct);
        var realm = await db.Realms.FirstOrDefaultAsync(r => r.Name == model.Name, ct);
        if (realm is null) db.Realms.Add(realm = new RealmEntity { Name = model.Name, SigningAlgorithm = model.SigningAlgorithm });
        realm.DisplayName = model.DisplayName;
        realm.SigningAlgorithm = model.SigningAlgorithm;
        realm.PasswordGrantIdTokens = model.PasswordGrantIdTokens;
        var changed = await db.SaveChangesAsync(ct) > 0;
        cache.Invalidate(model.Name);
        if (changed) audit.Record(new AuditEvent(AuditEvents.RealmSaved, model.Name));
        return changed;
    }

    public async Task<bool> SaveScopeAsync(string realm, ScopeDefinition scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireRealmAsync(db, realm, ct);
        var e = await db.Scopes.FirstOrDefaultAsync(s => s.Realm == realm && s.Name == scope.Name, ct);
        if (e is null) db.Scopes.Add(e = new ScopeEntity { Realm = realm, Name = scope.Name, Description = scope.Description });
        e.Description = scope.Description;
        e.Audience = scope.Audience;
        var changed = await db.SaveChangesAsync(ct) > 0;
        cache.Invalidate(realm);
        if (changed) audit.Record(new AuditEvent(AuditEvents.ScopeSaved, realm) { Scope = scope.Name });
        return changed;
    }

    /// <summary>Registers or updates a client. Returns the generated secret when one was generated (shown once).</summary>
    public async Task<(Client Client, string? GeneratedSecret, bool Changed)> SaveClientAsync(string realm, ClientRegistration registration, CancellationToken ct)
    {
        ClientAuthRules.Check(registration);
        RedirectUriRules.Check(registration.RedirectUris.Concat(registration.PostLogoutRedirectUris)
            .Concat(new[] { registration.BackchannelLogoutUri, registration.FrontchannelLogoutUri,
                registration.BackchannelClientNotificationEndpoint }.OfType<string>()));
        // CIBA Core §4: a ping client must say where the notifications go.
        if (registration.BackchannelTokenDeliveryMode == BackchannelTokenDeliveryMode.Ping && registration.BackchannelClientNotificationEndpoint is null)
            throw new AdminException("A client in CIBA ping mode needs a backchannel client notification endpoint.");
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireRealmAsync(db, realm, ct);
        var clientId = registration.ClientId ?? $"client-{RandomToken.Create(9)}";
        var e = await db.Clients.FirstOrDefaultAsync(c => c.Realm == realm && c.ClientId == clientId, ct);
        var (secretHash, protectedSecret, generated) = ClientAuthRules.Secrets(registration, e?.SecretHash, e?.ProtectedSecret, protector);
        var client = registration.ToClient(realm, clientId, secretHash, protectedSecret);
        if (e is null) db.Clients.Add(e = new ClientEntity { Realm = realm, ClientId = clientId });
        e.CopyFrom(client);
        var changed = await db.SaveChangesAsync(ct) > 0;
        cache.Invalidate(realm);
        if (changed) audit.Record(new AuditEvent(AuditEvents.ClientSaved, realm) { ClientId = clientId });
        return (client, generated, changed);
    }

    public async Task<IReadOnlyList<Client>> ListClientsAsync(string realm, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Clients.AsNoTracking().Where(c => c.Realm == realm).OrderBy(c => c.ClientId).ToListAsync(ct))
            .Select(c => c.ToModel()).ToArray();
    }

    public async Task<string> RotateSecretAsync(string realm, string clientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.Clients.FirstOrDefaultAsync(c => c.Realm == realm && c.ClientId == clientId, ct)
            ?? throw new AdminException($"No client '{clientId}' in realm '{realm}'.");
        if (e.Type == (int)ClientType.Public) throw new AdminException("Public clients have no secret.");
        if (e.TokenEndpointAuthMethod == ClientAuthMethods.PrivateKeyJwt) throw new AdminException("A private_key_jwt client has keys, not a secret.");
        var secret = ClientSecretHasher.GenerateSecret();
        e.SecretHash = ClientSecretHasher.HashGenerated(secret);
        if (e.TokenEndpointAuthMethod == ClientAuthMethods.ClientSecretJwt) e.ProtectedSecret = ClientAuthRules.Protect(protector, secret);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(realm);
        audit.Record(new AuditEvent(AuditEvents.ClientSecretRotated, realm) { ClientId = clientId });
        return secret;
    }

    /// <summary>Creates or updates a user by username; a password that already verifies is left as it is.</summary>
    public async Task<(User User, bool Changed)> SaveUserAsync(string realm, User user, string? password, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireRealmAsync(db, realm, ct);
        var normalized = EntityMapping.Normalize(user.Username);
        var e = await db.Users.FirstOrDefaultAsync(u => u.Realm == realm && u.NormalizedUsername == normalized, ct);
        var hash = e?.PasswordHash;
        if (password is not null && (hash is null || !PasswordVerifier.Matches(hash, password)))
            hash = PasswordVerifier.Hash(password);
        if (e is null)
            db.Users.Add(e = new UserEntity { Id = user.Id, Realm = realm, Username = user.Username, NormalizedUsername = normalized });
        e.CopyFrom(user with { PasswordHash = hash });
        var changed = await db.SaveChangesAsync(ct) > 0;
        if (changed)
        {
            cache.Invalidate(realm);
            audit.Record(new AuditEvent(AuditEvents.UserSaved, realm) { Subject = e.Id, Username = e.Username });
        }
        return (e.ToModel(), changed);
    }

    public async Task SetPasswordAsync(string realm, string username, string password, CancellationToken ct)
    {
        var normalized = EntityMapping.Normalize(username);
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.Users.FirstOrDefaultAsync(u => u.Realm == realm && u.NormalizedUsername == normalized, ct)
            ?? throw new AdminException($"No user '{username}' in realm '{realm}'.");
        e.PasswordHash = PasswordVerifier.Hash(password);
        await db.SaveChangesAsync(ct);
        audit.Record(new AuditEvent(AuditEvents.PasswordSet, realm) { Subject = e.Id, Username = e.Username });
    }

    public async Task<User?> FindUserAsync(string realm, string username, CancellationToken ct)
    {
        var normalized = EntityMapping.Normalize(username);
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Realm == realm && u.NormalizedUsername == normalized, ct))?.ToModel();
    }

    private static async Task RequireRealmAsync(LatchkeyDbContext db, string realm, CancellationToken ct)
    {
        if (!await db.Realms.AnyAsync(r => r.Name == realm, ct)) throw new AdminException($"No realm '{realm}'.");
    }
}
