using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Users;
using Latchkey.Storage.Entities;

namespace Latchkey.Storage.Stores;

/// <summary>Entities to protocol models and back.</summary>
public static class EntityMapping
{
    public static Client ToModel(this ClientEntity e) => new()
    {
        Realm = e.Realm,
        ClientId = e.ClientId,
        DisplayName = e.DisplayName,
        Type = (ClientType)e.Type,
        SecretHash = e.SecretHash,
        TokenEndpointAuthMethod = e.TokenEndpointAuthMethod,
        ProtectedSecret = e.ProtectedSecret,
        Jwks = e.Jwks,
        JwksUri = e.JwksUri,
        RedirectUris = Lists.FromLines(e.RedirectUris),
        PostLogoutRedirectUris = Lists.FromLines(e.PostLogoutRedirectUris),
        AllowedScopes = Lists.FromSpaces(e.AllowedScopes),
        Capabilities = (ClientCapabilities)e.Capabilities,
        RequirePkce = e.RequirePkce,
        AllowPlainPkce = e.AllowPlainPkce,
        ConsentRequired = e.ConsentRequired,
        AlwaysIssueRefreshToken = e.AlwaysIssueRefreshToken,
        AccessTokenFormat = (AccessTokenFormat)e.AccessTokenFormat,
        BackchannelLogoutUri = e.BackchannelLogoutUri,
        FrontchannelLogoutUri = e.FrontchannelLogoutUri,
        TokenExchangeAudiences = Lists.FromLines(e.TokenExchangeAudiences),
        TokenExchangeMayImpersonate = e.TokenExchangeMayImpersonate,
        BackchannelTokenDeliveryMode = (BackchannelTokenDeliveryMode)e.BackchannelTokenDeliveryMode,
        BackchannelClientNotificationEndpoint = e.BackchannelClientNotificationEndpoint,
        BackchannelUserCodeParameter = e.BackchannelUserCodeParameter,
        AccessTokenLifetime = TimeSpan.FromSeconds(e.AccessTokenLifetimeSeconds),
        IdTokenLifetime = TimeSpan.FromSeconds(e.IdTokenLifetimeSeconds),
        AuthorizationCodeLifetime = TimeSpan.FromSeconds(e.AuthorizationCodeLifetimeSeconds),
        RefreshTokenLifetime = TimeSpan.FromSeconds(e.RefreshTokenLifetimeSeconds),
        RefreshTokenReuseGrace = TimeSpan.FromSeconds(e.RefreshTokenReuseGraceSeconds),
    };

    public static void CopyFrom(this ClientEntity e, Client c)
    {
        e.DisplayName = c.DisplayName;
        e.Type = (int)c.Type;
        e.SecretHash = c.SecretHash;
        e.TokenEndpointAuthMethod = c.TokenEndpointAuthMethod;
        e.ProtectedSecret = c.ProtectedSecret;
        e.Jwks = c.Jwks;
        e.JwksUri = c.JwksUri;
        e.RedirectUris = Lists.Lines(c.RedirectUris);
        e.PostLogoutRedirectUris = Lists.Lines(c.PostLogoutRedirectUris);
        e.AllowedScopes = Lists.Spaces(c.AllowedScopes);
        e.Capabilities = (int)c.Capabilities;
        e.RequirePkce = c.RequirePkce;
        e.AllowPlainPkce = c.AllowPlainPkce;
        e.ConsentRequired = c.ConsentRequired;
        e.AlwaysIssueRefreshToken = c.AlwaysIssueRefreshToken;
        e.AccessTokenFormat = (int)c.AccessTokenFormat;
        e.BackchannelLogoutUri = c.BackchannelLogoutUri;
        e.FrontchannelLogoutUri = c.FrontchannelLogoutUri;
        e.TokenExchangeAudiences = Lists.Lines(c.TokenExchangeAudiences);
        e.TokenExchangeMayImpersonate = c.TokenExchangeMayImpersonate;
        e.BackchannelTokenDeliveryMode = (int)c.BackchannelTokenDeliveryMode;
        e.BackchannelClientNotificationEndpoint = c.BackchannelClientNotificationEndpoint;
        e.BackchannelUserCodeParameter = c.BackchannelUserCodeParameter;
        e.AccessTokenLifetimeSeconds = (int)c.AccessTokenLifetime.TotalSeconds;
        e.IdTokenLifetimeSeconds = (int)c.IdTokenLifetime.TotalSeconds;
        e.AuthorizationCodeLifetimeSeconds = (int)c.AuthorizationCodeLifetime.TotalSeconds;
        e.RefreshTokenLifetimeSeconds = (int)c.RefreshTokenLifetime.TotalSeconds;
        e.RefreshTokenReuseGraceSeconds = (int)c.RefreshTokenReuseGrace.TotalSeconds;
    }

    public static User ToModel(this UserEntity e) => new()
    {
        Realm = e.Realm,
        Id = e.Id,
        Username = e.Username,
        PasswordHash = e.PasswordHash,
        Email = e.Email,
        EmailVerified = e.EmailVerified,
        GivenName = e.GivenName,
        FamilyName = e.FamilyName,
        Enabled = e.Enabled,
    };

    public static void CopyFrom(this UserEntity e, User u)
    {
        e.Username = u.Username;
        e.NormalizedUsername = Normalize(u.Username);
        e.PasswordHash = u.PasswordHash;
        e.Email = u.Email;
        e.EmailVerified = u.EmailVerified;
        e.GivenName = u.GivenName;
        e.FamilyName = u.FamilyName;
        e.Enabled = u.Enabled;
    }

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public static Realm ToModel(this RealmEntity e) => new()
    {
        Name = e.Name, DisplayName = e.DisplayName, SigningAlgorithm = e.SigningAlgorithm, PasswordGrantIdTokens = e.PasswordGrantIdTokens,
    };
    public static ScopeDefinition ToModel(this ScopeEntity e) => new(e.Name, e.Description, e.Audience);
}
