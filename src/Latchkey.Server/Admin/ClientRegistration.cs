using Latchkey.Protocol.Clients;

namespace Latchkey.Server.Admin;

/// <summary>What an operator says about a new client; the id and secret are generated unless given.</summary>
public sealed record ClientRegistration
{
    public string? ClientId { get; init; }
    public string? DisplayName { get; init; }
    public ClientType Type { get; init; } = ClientType.Confidential;
    /// <summary>A secret chosen by a person (import); it gets a slow hash. Null: one is generated.</summary>
    public string? ChosenSecret { get; init; }
    /// <summary>One of <see cref="Protocol.Primitives.ClientAuthMethods"/>; null keeps the default for the client's type.</summary>
    public string? TokenEndpointAuthMethod { get; init; }
    /// <summary>A JWK Set document with the client's public keys (private_key_jwt).</summary>
    public string? Jwks { get; init; }
    public string? JwksUri { get; init; }
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];
    public IReadOnlyList<string> AllowedScopes { get; init; } = ["openid", "profile", "email", "offline_access"];
    public ClientCapabilities Capabilities { get; init; } = ClientCapabilities.StandardFlow;
    public bool RequirePkce { get; init; } = true;
    public bool AllowPlainPkce { get; init; }
    public bool ConsentRequired { get; init; } = true;
    public bool AlwaysIssueRefreshToken { get; init; }
    public AccessTokenFormat AccessTokenFormat { get; init; } = AccessTokenFormat.Jwt;
    public string? BackchannelLogoutUri { get; init; }
    public string? FrontchannelLogoutUri { get; init; }
    public IReadOnlyList<string> TokenExchangeAudiences { get; init; } = [];
    public bool TokenExchangeMayImpersonate { get; init; }
    public BackchannelTokenDeliveryMode BackchannelTokenDeliveryMode { get; init; } = BackchannelTokenDeliveryMode.Poll;
    public string? BackchannelClientNotificationEndpoint { get; init; }
    public bool BackchannelUserCodeParameter { get; init; }
    public int AccessTokenLifetimeSeconds { get; init; } = 300;
    public int IdTokenLifetimeSeconds { get; init; } = 300;
    public int AuthorizationCodeLifetimeSeconds { get; init; } = 60;
    public int RefreshTokenLifetimeSeconds { get; init; } = 30 * 24 * 3600;
    /// <summary>0: strict rotation (RFC 9700 §4.14.2); a few seconds suit SPAs with several tabs.</summary>
    public int RefreshTokenReuseGraceSeconds { get; init; }

    public Client ToClient(string realm, string clientId, string? secretHash, byte[]? protectedSecret) => new()
    {
        Realm = realm,
        ClientId = clientId,
        DisplayName = DisplayName,
        Type = Type,
        SecretHash = Type == ClientType.Public ? null : secretHash,
        TokenEndpointAuthMethod = TokenEndpointAuthMethod,
        ProtectedSecret = protectedSecret,
        Jwks = Jwks,
        JwksUri = JwksUri,
        RedirectUris = RedirectUris,
        PostLogoutRedirectUris = PostLogoutRedirectUris,
        AllowedScopes = AllowedScopes,
        Capabilities = Capabilities,
        // RFC 9700 §2.1.1: public clients always use PKCE, whatever was asked.
        RequirePkce = RequirePkce || Type == ClientType.Public,
        AllowPlainPkce = AllowPlainPkce,
        ConsentRequired = ConsentRequired,
        AlwaysIssueRefreshToken = AlwaysIssueRefreshToken,
        AccessTokenFormat = AccessTokenFormat,
        BackchannelLogoutUri = BackchannelLogoutUri,
        FrontchannelLogoutUri = FrontchannelLogoutUri,
        TokenExchangeAudiences = TokenExchangeAudiences,
        TokenExchangeMayImpersonate = TokenExchangeMayImpersonate,
        BackchannelTokenDeliveryMode = BackchannelTokenDeliveryMode,
        BackchannelClientNotificationEndpoint = BackchannelClientNotificationEndpoint,
        BackchannelUserCodeParameter = BackchannelUserCodeParameter,
        AccessTokenLifetime = TimeSpan.FromSeconds(AccessTokenLifetimeSeconds),
        IdTokenLifetime = TimeSpan.FromSeconds(IdTokenLifetimeSeconds),
        AuthorizationCodeLifetime = TimeSpan.FromSeconds(AuthorizationCodeLifetimeSeconds),
        RefreshTokenLifetime = TimeSpan.FromSeconds(RefreshTokenLifetimeSeconds),
        RefreshTokenReuseGrace = TimeSpan.FromSeconds(RefreshTokenReuseGraceSeconds),
    };
}
