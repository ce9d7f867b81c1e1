namespace Latchkey.Storage.Entities;

public sealed class ClientEntity
{
    public required string Realm { get; set; }
    public required string ClientId { get; set; }
    public string? DisplayName { get; set; }
    public int Type { get; set; }
    public string? SecretHash { get; set; }
    /// <summary>Null: the default methods for the client's type.</summary>
    public string? TokenEndpointAuthMethod { get; set; }
    /// <summary>Encrypted by IKeyProtector; only for client_secret_jwt.</summary>
    public byte[]? ProtectedSecret { get; set; }
    /// <summary>A JWK Set document.</summary>
    public string? Jwks { get; set; }
    public string? JwksUri { get; set; }
    /// <summary>One URI per line.</summary>
    public string RedirectUris { get; set; } = "";
    public string PostLogoutRedirectUris { get; set; } = "";
    /// <summary>Space-separated, as in the protocol.</summary>
    public string AllowedScopes { get; set; } = "";
    public int Capabilities { get; set; }
    public bool RequirePkce { get; set; }
    public bool AllowPlainPkce { get; set; }
    public bool ConsentRequired { get; set; }
    public bool AlwaysIssueRefreshToken { get; set; }
    public int AccessTokenFormat { get; set; }
    public string? BackchannelLogoutUri { get; set; }
    public string? FrontchannelLogoutUri { get; set; }
    /// <summary>One audience per line.</summary>
    public string TokenExchangeAudiences { get; set; } = "";
    public bool TokenExchangeMayImpersonate { get; set; }
    public int BackchannelTokenDeliveryMode { get; set; }
    public string? BackchannelClientNotificationEndpoint { get; set; }
    public bool BackchannelUserCodeParameter { get; set; }
    public int AccessTokenLifetimeSeconds { get; set; }
    public int IdTokenLifetimeSeconds { get; set; }
    public int AuthorizationCodeLifetimeSeconds { get; set; }
    public int RefreshTokenLifetimeSeconds { get; set; }
    public int RefreshTokenReuseGraceSeconds { get; set; }
}
