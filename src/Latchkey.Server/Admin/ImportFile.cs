using Latchkey.Protocol.Clients;

namespace Latchkey.Server.Admin;

/// <summary>The import file (docs/configuration.md#import-file). Property names are camelCase in JSON.</summary>
public sealed record ImportFile
{
    public List<RealmImport> Realms { get; init; } = [];

    public sealed record RealmImport
    {
        public required string Name { get; init; }
        public string? DisplayName { get; init; }
        public string SigningAlgorithm { get; init; } = "RS256";
        /// <summary>Whether the password grant returns an ID token when openid is asked (docs/flows/password.md).</summary>
        public bool PasswordGrantIdTokens { get; init; } = true;
        public List<ScopeImport> Scopes { get; init; } = [];
        public List<ClientImport> Clients { get; init; } = [];
        public List<UserImport> Users { get; init; } = [];
    }

    public sealed record ScopeImport(string Name, string? Description, string? Audience);

    public sealed record ClientImport
    {
        public required string ClientId { get; init; }
        public string? DisplayName { get; init; }
        public string Type { get; init; } = "confidential";
        public string? Secret { get; init; }
        /// <summary>client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt or none; absent: the default for the type.</summary>
        public string? TokenEndpointAuthMethod { get; init; }
        /// <summary>The client's public keys, a JWK Set object (private_key_jwt).</summary>
        public System.Text.Json.JsonElement? Jwks { get; init; }
        public string? JwksUri { get; init; }
        public List<string> RedirectUris { get; init; } = [];
        public List<string> PostLogoutRedirectUris { get; init; } = [];
        public List<string>? AllowedScopes { get; init; }
        /// <summary>Names of <see cref="ClientCapabilities"/>, e.g. "standardFlow". Default: standard flow only.</summary>
        public List<string>? Capabilities { get; init; }
        public bool RequirePkce { get; init; } = true;
        public bool AllowPlainPkce { get; init; }
        public bool ConsentRequired { get; init; } = true;
        public bool AlwaysIssueRefreshToken { get; init; }
        /// <summary>"jwt" (default) or "reference".</summary>
        public string AccessTokenFormat { get; init; } = "jwt";
        public string? BackchannelLogoutUri { get; init; }
        public string? FrontchannelLogoutUri { get; init; }
        public List<string> TokenExchangeAudiences { get; init; } = [];
        public bool TokenExchangeMayImpersonate { get; init; }
        /// <summary>CIBA Core §4: "poll" (default) or "ping".</summary>
        public string BackchannelTokenDeliveryMode { get; init; } = "poll";
        public string? BackchannelClientNotificationEndpoint { get; init; }
        public bool BackchannelUserCodeParameter { get; init; }
        public int AccessTokenLifetimeSeconds { get; init; } = 300;
        public int IdTokenLifetimeSeconds { get; init; } = 300;
        public int AuthorizationCodeLifetimeSeconds { get; init; } = 60;
        public int RefreshTokenLifetimeSeconds { get; init; } = 30 * 24 * 3600;
        public int RefreshTokenReuseGraceSeconds { get; init; }
    }

    public sealed record UserImport
    {
        public required string Username { get; init; }
        public string? Id { get; init; }
        public string? Password { get; init; }
        public string? Email { get; init; }
        public bool EmailVerified { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
        public bool Enabled { get; init; } = true;
    }
}
