using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Endpoints.BackchannelAuthentication;
using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Endpoints.EndSession;
using Latchkey.Protocol.Endpoints.Introspection;
using Latchkey.Protocol.Endpoints.Revocation;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Endpoints.UserInfo;
using Latchkey.Protocol.Grants;
using Latchkey.Protocol.Grants.AuthorizationCode;
using Latchkey.Protocol.Grants.Ciba;
using Latchkey.Protocol.Grants.ClientCredentials;
using Latchkey.Protocol.Grants.DeviceCode;
using Latchkey.Protocol.Grants.Password;
using Latchkey.Protocol.Grants.TokenExchange;
using Latchkey.Protocol.Users;
using Latchkey.Protocol.Grants.RefreshToken;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Latchkey.Server.Admin;
using Latchkey.Server.Http;
using Latchkey.Server.KeyEncryption;
using Latchkey.Server.Maintenance;
using Latchkey.Server.Operations;
using Latchkey.Server.Sessions;
using Latchkey.Storage;
using Latchkey.Storage.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

public static class LatchkeyServiceCollectionExtensions
{
    /// <summary>Everything Latchkey needs. Replace a store, the clock or a grant handler by registering your own after this call.</summary>
    public static IServiceCollection AddLatchkey(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LatchkeyOptions>(configuration.GetSection("Latchkey"));
        var options = configuration.GetSection("Latchkey").Get<LatchkeyOptions>() ?? new LatchkeyOptions();
        Directory.CreateDirectory(options.DataDirectory);

        services.TryAddSingletonClock();
        services.AddSingleton<JsonAuditLog>();
        services.AddSingleton<IAuditSink, HostAuditSink>();
        AddStorage(services, options);
        services.AddSingleton<DataProtectionKeyRepository>();
        services.AddDataProtection().SetApplicationName("Latchkey");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyRepository>((keys, repository) => keys.XmlRepository = repository);
        // A KEK from configuration or a file encrypts the key ring in the database (docs/production.md#keys-at-rest).
        if (KeyEncryptionKey.From(options.KeyEncryption) is { } kek)
        {
            services.AddSingleton(kek);
            services.AddOptions<KeyManagementOptions>().Configure(keys => keys.XmlEncryptor = new KekXmlEncryptor(kek));
        }

        services.AddSingleton<IKeyProtector, DataProtectionKeyProtector>();
        services.AddSingleton(sp => KeyRotationSettingsFrom(sp.GetRequiredService<IOptions<LatchkeyOptions>>().Value.Keys));
        services.AddSingleton<SigningKeyRotation>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<IKeyRing>(sp => sp.GetRequiredService<KeyRing>());
        services.AddSingleton<TokenService>();
        services.AddSingleton<OwnJwtValidator>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<ScopeCatalog>();

        services.AddSingleton<IClientAuthenticator, ClientSecretBasicAuthenticator>();
        services.AddSingleton<IClientAuthenticator, ClientSecretPostAuthenticator>();
        services.AddSingleton<IClientAuthenticator, ClientSecretJwtAuthenticator>();
        services.AddSingleton<IClientAuthenticator, PrivateKeyJwtAuthenticator>();
        services.AddSingleton<IClientAuthenticator, NoneAuthenticator>();
        services.AddSingleton<ClientAssertionAcceptance>();
        services.AddHttpClient(nameof(HttpClientJwksSource), c => c.Timeout = TimeSpan.FromSeconds(options.ClientJwks.TimeoutSeconds));
        services.AddSingleton<IClientJwksSource, HttpClientJwksSource>();
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<IGrantHandler, AuthorizationCodeGrant>();
        services.AddSingleton<IGrantHandler, RefreshTokenGrant>();
        services.AddSingleton<IGrantHandler, ClientCredentialsGrant>();
        services.AddSingleton<IGrantHandler, ResourceOwnerPasswordGrant>();
        services.AddSingleton<IGrantHandler, DeviceCodeGrant>();
        services.AddSingleton<IGrantHandler, TokenExchangeGrant>();
        services.AddSingleton<IGrantHandler, CibaGrant>();
        services.AddSingleton<DecoupledRedemption>();
        services.AddSingleton<ExchangedTokenReader>();
        services.AddSingleton<GrantHandlers>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<UserInfoEndpoint>();
        services.AddSingleton<TokenLookup>();
        services.AddSingleton<IntrospectionEndpoint>();
        services.AddSingleton<IntrospectionJwt>();
        services.AddSingleton<RevocationEndpoint>();
        services.AddSingleton<AuthorizeRequestValidator>();
        services.AddSingleton<AuthorizationResponseIssuer>();
        services.AddSingleton(sp => DeviceFlowSettingsFrom(sp.GetRequiredService<IOptions<LatchkeyOptions>>().Value.DeviceFlow));
        services.AddSingleton<DeviceAuthorizationEndpoint>();
        services.AddSingleton<DeviceVerification>();
        services.AddSingleton(sp => CibaSettingsFrom(sp.GetRequiredService<IOptions<LatchkeyOptions>>().Value.Ciba));
        services.AddSingleton<BackchannelAuthenticationEndpoint>();
        services.AddSingleton<CibaUserHint>();
        services.AddSingleton<CibaApproval>();

        services.AddSingleton<IssuerResolver>();
        services.AddSingleton<AuthorizeFlow>();
        services.AddSingleton<EndSessionFlow>();
        services.AddSingleton<LogoutNotifications>();
        services.AddHttpClient(nameof(BackchannelDispatcher), c => c.Timeout = BackchannelDispatcher.HttpTimeout);
        services.AddSingleton<BackchannelDispatcher>();
        services.AddSingleton<ICibaPingSender>(sp => sp.GetRequiredService<BackchannelDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<BackchannelDispatcher>());
        services.AddSingleton<EndSessionRequestValidator>();
        services.AddSingleton<LoginSessionCookie>();
        services.AddSingleton<PasswordVerifier>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<IPasswordAuthenticator, ThrottledPasswordAuthenticator>();
        services.AddSingleton<UserCodeThrottle>();
        services.AddSingleton<AdminRepository>();
        services.AddSingleton<ImportFileLoader>();
        services.AddSingleton<DemoRealmSeeder>();
        services.AddLatchkeyHealth();
        services.AddLatchkeyRateLimiting(options.RateLimits);
        services.AddLatchkeyMetrics(options.Metrics);
        services.AddLatchkeyForwardedHeaders(options.ForwardedHeaders);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        return services;
    }

    private static DeviceFlowSettings DeviceFlowSettingsFrom(DeviceFlowOptions options) => new()
    {
        CodeLifetimeSeconds = options.CodeLifetimeSeconds,
        PollingIntervalSeconds = options.PollingIntervalSeconds,
    };

    private static KeyRotationSettings KeyRotationSettingsFrom(KeyOptions options) => new()
    {
        Automatic = options.AutomaticRotation,
        RotationInterval = options.RotationInterval,
        PropagationTime = options.PropagationTime,
        RetentionTime = options.RetentionTime,
    };

    private static CibaSettings CibaSettingsFrom(CibaOptions options) => new()
    {
        DefaultExpirySeconds = options.DefaultExpirySeconds,
        MaxExpirySeconds = options.MaxExpirySeconds,
        PollingIntervalSeconds = options.PollingIntervalSeconds,
    };

    private static void TryAddSingletonClock(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static void AddStorage(IServiceCollection services, LatchkeyOptions options)
    {
        var connection = string.IsNullOrEmpty(options.Storage.ConnectionString)
            ? $"Data Source={Path.Combine(options.DataDirectory, "latchkey.db")}"
            : options.Storage.ConnectionString;
        services.AddPooledDbContextFactory<LatchkeyDbContext>((sp, db) =>
        {
            StorageProvider.Configure(db, options.Storage.Provider, connection);
            DatabaseOutageSettings.Configure(db, sp, options.Storage.CommandTimeoutSeconds);
        });
        services.AddSingleton<EfDirectoryStore>();
        services.AddSingleton(sp => new CachingDirectoryStore(sp.GetRequiredService<EfDirectoryStore>(),
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(options.DirectoryCacheSeconds)));
        services.AddSingleton<IRealmStore>(sp => sp.GetRequiredService<CachingDirectoryStore>());
        services.AddSingleton<IClientStore>(sp => sp.GetRequiredService<CachingDirectoryStore>());
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<CachingDirectoryStore>());
        services.AddSingleton<IGrantStore, EfGrantStore>();
        services.AddSingleton<IConsentStore, EfConsentStore>();
        services.AddSingleton<ISigningKeyStore, EfSigningKeyStore>();
        services.AddSingleton<ISessionStore, EfSessionStore>();
        services.AddSingleton<ILoginThrottleStore, EfLoginThrottleStore>();
        services.AddSingleton<IReferenceTokenStore, EfReferenceTokenStore>();
        services.AddSingleton<IClientAssertionReplayStore, EfClientAssertionReplayStore>();
        services.AddSingleton<IDeviceAuthorizationStore, EfDeviceAuthorizationStore>();
        services.AddSingleton<IBackchannelAuthenticationStore, EfBackchannelAuthenticationStore>();
        services.AddSingleton<IOutboundCallStore, EfOutboundCallStore>();
        services.AddSingleton<IExpiredDataStore, EfExpiredDataStore>();
        services.AddHostedService<ExpiredDataCleanup>();
    }
}
