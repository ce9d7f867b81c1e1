namespace Latchkey.Protocol.Clients;

/// <summary>A registered client of one realm: the trust relationship of RFC 6749 §2.</summary>
public sealed record Client
{
    public required string Realm { get; init; }
    public required string ClientId { get; init; }
    public string? DisplayName { get; init; }
    public ClientType Type { get; init; } = ClientType.Confidential;

    /// <summary>The stored hash of the secret (see <see cref="ClientSecretHasher"/>); null for public clients.</summary>
    public string? SecretHash { get; init; }

    /// <summary>
    /// OIDC Core §9, RFC 7591 §2: the one method this client must authenticate with. Null keeps the
    /// default: client_secret_basic or client_secret_post for confidential clients, none for public ones.
    /// </summary>
    public string? TokenEndpointAuthMethod { get; init; }

    /// <summary>
    /// The secret itself, encrypted by <see cref="Storage.IKeyProtector"/>: kept only for client_secret_jwt,
    /// whose HMAC key is the secret (RFC 7518 §3.2), which a hash cannot give back.
    /// </summary>
    public byte[]? ProtectedSecret { get; init; }

    /// <summary>RFC 7591 §2 jwks: the client's public keys for private_key_jwt, as a JWK Set document (RFC 7517 §5).</summary>
    public string? Jwks { get; init; }

    /// <summary>RFC 7591 §2 jwks_uri: where the client publishes its JWK Set; fetched and cached by the host.</summary>
    public string? JwksUri { get; init; }

    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];
    public IReadOnlyList<string> AllowedScopes { get; init; } = [];
    public ClientCapabilities Capabilities { get; init; } = ClientCapabilities.StandardFlow;

    /// <summary>Always true for public clients (RFC 9700 §2.1.1).</summary>
    public bool RequirePkce { get; init; } = true;
    public bool AllowPlainPkce { get; init; }
    public bool ConsentRequired { get; init; } = true;

    /// <summary>Issue a refresh token even without offline_access (Keycloak's default for web apps).</summary>
    public bool AlwaysIssueRefreshToken { get; init; }

    public AccessTokenFormat AccessTokenFormat { get; init; } = AccessTokenFormat.Jwt;

    /// <summary>Back-Channel Logout 1.0 §2.2: where logout tokens are POSTed when a session of this client ends.</summary>
    public string? BackchannelLogoutUri { get; init; }

    /// <summary>Front-Channel Logout 1.0 §2: rendered in an iframe (with iss and sid) on the signed-out page.</summary>
    public string? FrontchannelLogoutUri { get; init; }

    /// <summary>RFC 8693 policy: the audiences this client may exchange a token for (anything else is invalid_target).</summary>
    public IReadOnlyList<string> TokenExchangeAudiences { get; init; } = [];

    /// <summary>RFC 8693 §1.1: may exchange without an actor_token, i.e. impersonate the subject.</summary>
    public bool TokenExchangeMayImpersonate { get; init; }

    /// <summary>CIBA Core §4 backchannel_token_delivery_mode.</summary>
    public BackchannelTokenDeliveryMode BackchannelTokenDeliveryMode { get; init; } = BackchannelTokenDeliveryMode.Poll;

    /// <summary>CIBA Core §4 backchannel_client_notification_endpoint: where ping notifications go.</summary>
    public string? BackchannelClientNotificationEndpoint { get; init; }

    /// <summary>CIBA Core §4 backchannel_user_code_parameter: the client sends a user_code the user knows (their password).</summary>
    public bool BackchannelUserCodeParameter { get; init; }

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan IdTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan AuthorizationCodeLifetime { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a rotation the same client may present the rotated refresh token again and get the same
    /// successor (two tabs, a retry after a lost response). Zero: the strict rule of RFC 9700 §4.14.2.
    /// </summary>
    public TimeSpan RefreshTokenReuseGrace { get; init; } = TimeSpan.Zero;

    public bool IsPublic => Type == ClientType.Public;
    public bool Has(ClientCapabilities capability) => (Capabilities & capability) == capability;
    public bool MustUsePkce => IsPublic || RequirePkce;

    /// <summary>Whether a request authenticated by <paramref name="method"/> may speak for this client.</summary>
    public bool Accepts(string method) => TokenEndpointAuthMethod is { } registered
        ? method == registered
        : IsPublic
            ? method == Primitives.ClientAuthMethods.None
            : method is Primitives.ClientAuthMethods.ClientSecretBasic or Primitives.ClientAuthMethods.ClientSecretPost;
}
