using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage;

public sealed class LatchkeyDbContext(DbContextOptions<LatchkeyDbContext> options) : DbContext(options)
{
    public DbSet<RealmEntity> Realms => Set<RealmEntity>();
    public DbSet<ScopeEntity> Scopes => Set<ScopeEntity>();
    public DbSet<ClientEntity> Clients => Set<ClientEntity>();
    public DbSet<UserEntity> Users => Set<UserEntity>();
    public DbSet<ConsentEntity> Consents => Set<ConsentEntity>();
    public DbSet<AuthorizationCodeEntity> AuthorizationCodes => Set<AuthorizationCodeEntity>();
    public DbSet<RefreshTokenEntity> RefreshTokens => Set<RefreshTokenEntity>();
    public DbSet<RevokedGrantEntity> RevokedGrants => Set<RevokedGrantEntity>();
    public DbSet<DeviceAuthorizationEntity> DeviceAuthorizations => Set<DeviceAuthorizationEntity>();
    public DbSet<BackchannelAuthenticationEntity> BackchannelAuthentications => Set<BackchannelAuthenticationEntity>();
    public DbSet<SigningKeyEntity> SigningKeys => Set<SigningKeyEntity>();
    public DbSet<LoginSessionEntity> LoginSessions => Set<LoginSessionEntity>();
    public DbSet<LoginThrottleEntity> LoginThrottles => Set<LoginThrottleEntity>();
    public DbSet<SessionClientEntity> SessionClients => Set<SessionClientEntity>();
    public DbSet<ReferenceTokenEntity> ReferenceTokens => Set<ReferenceTokenEntity>();
    public DbSet<OutboundCallEntity> OutboundCalls => Set<OutboundCallEntity>();
    public DbSet<UsedClientAssertionEntity> UsedClientAssertions => Set<UsedClientAssertionEntity>();
    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) =>
        StorageProvider.ConfigureConventions(Database.ProviderName, builder);

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<RealmEntity>().HasKey(e => e.Name);
        b.Entity<ScopeEntity>().HasKey(e => new { e.Realm, e.Name });
        b.Entity<ClientEntity>().HasKey(e => new { e.Realm, e.ClientId });
        b.Entity<UserEntity>().HasKey(e => e.Id);
        b.Entity<UserEntity>().HasIndex(e => new { e.Realm, e.NormalizedUsername }).IsUnique();
        b.Entity<ConsentEntity>().HasKey(e => new { e.Realm, e.UserId, e.ClientId });
        b.Entity<AuthorizationCodeEntity>().HasKey(e => e.Hash);
        b.Entity<AuthorizationCodeEntity>().HasIndex(e => e.ExpiresAt);
        b.Entity<RefreshTokenEntity>().HasKey(e => e.Hash);
        b.Entity<RefreshTokenEntity>().HasIndex(e => new { e.Realm, e.GrantId });
        b.Entity<RevokedGrantEntity>().HasKey(e => new { e.Realm, e.GrantId });
        b.Entity<DeviceAuthorizationEntity>().HasKey(e => e.DeviceCodeHash);
        // RFC 8628 §6.1: the user code alone finds the request, so it must be unique in its realm.
        b.Entity<DeviceAuthorizationEntity>().HasIndex(e => new { e.Realm, e.UserCodeHash }).IsUnique();
        b.Entity<DeviceAuthorizationEntity>().HasIndex(e => e.ExpiresAt);
        b.Entity<BackchannelAuthenticationEntity>().HasKey(e => e.AuthReqIdHash);
        // The approval page lists a user's pending requests.
        b.Entity<BackchannelAuthenticationEntity>().HasIndex(e => new { e.Realm, e.UserId, e.Status });
        b.Entity<BackchannelAuthenticationEntity>().HasIndex(e => e.ExpiresAt);
        b.Entity<SigningKeyEntity>().HasKey(e => new { e.Realm, e.KeyId });
        b.Entity<LoginSessionEntity>().HasKey(e => e.Id);
        b.Entity<LoginThrottleEntity>().HasKey(e => e.Key);
        b.Entity<SessionClientEntity>().HasKey(e => new { e.Realm, e.Sid, e.ClientId });
        b.Entity<ReferenceTokenEntity>().HasKey(e => e.Hash);
        b.Entity<OutboundCallEntity>().HasKey(e => e.Id);
        b.Entity<OutboundCallEntity>().HasIndex(e => e.NextAttemptAt);
        // The key is what makes a jti single-use across nodes: a second insert of it fails.
        b.Entity<UsedClientAssertionEntity>().HasKey(e => new { e.Realm, e.ClientId, e.JtiHash });
        // Existing realms keep today's behaviour; the sentinel lets EF send an explicit false.
        b.Entity<RealmEntity>().Property(e => e.PasswordGrantIdTokens).HasDefaultValue(true).HasSentinel(true);
        b.Entity<DataProtectionKeyEntity>().HasKey(e => e.Id);
    }
}
