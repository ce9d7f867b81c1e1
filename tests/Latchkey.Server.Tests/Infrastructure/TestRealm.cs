namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>The realm every integration test runs against, loaded through the real import file.</summary>
public static class TestRealm
{
    public const string Name = "test";
    public const string Password = "correct horse battery staple";
    public const string WebSecret = "web-secret-for-tests";
    public const string WebRedirect = "https://client.example/cb";
    public const string SpaRedirect = "https://spa.example/cb";
    /// <summary>The refresh-token reuse grace of the client spa-grace.</summary>
    public const int GraceSeconds = 10;

    public static string ImportJson => $$"""
    {
      "realms": [{
        "name": "{{Name}}",
        "scopes": [ { "name": "api", "description": "Use the test API", "audience": "test-api" },
                    { "name": "a.read", "description": "Read your data in service A", "audience": "service-a" } ],
        "clients": [
          { "clientId": "web", "displayName": "Test Web", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"],
            "postLogoutRedirectUris": ["https://client.example/bye"],
            "allowedScopes": ["openid", "profile", "email", "offline_access", "api", "a.read"] },
          { "clientId": "spa", "type": "public", "redirectUris": ["{{SpaRedirect}}"],
            "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "spa-grace", "type": "public", "redirectUris": ["{{SpaRedirect}}"], "consentRequired": false,
            "refreshTokenReuseGraceSeconds": {{GraceSeconds}}, "allowedScopes": ["openid", "offline_access"] },
          { "clientId": "native", "type": "public", "redirectUris": ["http://127.0.0.1/callback"], "allowedScopes": ["openid"] },
          { "clientId": "trusted", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"], "consentRequired": false,
            "alwaysIssueRefreshToken": true, "requirePkce": false, "allowedScopes": ["openid", "profile", "email", "api"] },
          { "clientId": "plain", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"], "consentRequired": false,
            "allowPlainPkce": true, "allowedScopes": ["openid"] },
          { "clientId": "service", "secret": "{{WebSecret}}", "capabilities": ["serviceAccount"], "allowedScopes": ["api", "openid"] },
          { "clientId": "direct", "secret": "{{WebSecret}}", "capabilities": ["directAccessGrants"],
            "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "direct-public", "type": "public", "capabilities": ["directAccessGrants"], "allowedScopes": ["openid"] },
          { "clientId": "test-api", "secret": "{{WebSecret}}", "capabilities": ["tokenIntrospection"], "allowedScopes": [] },
          { "clientId": "service-a", "secret": "{{WebSecret}}", "capabilities": ["tokenExchange"],
            "tokenExchangeAudiences": ["service-b"], "tokenExchangeMayImpersonate": true },
          { "clientId": "service-b", "secret": "{{WebSecret}}", "capabilities": ["tokenExchange", "serviceAccount"], "allowedScopes": [],
            "tokenExchangeAudiences": ["service-c"] },
          { "clientId": "service-c", "secret": "{{WebSecret}}", "capabilities": ["tokenExchange", "serviceAccount"], "allowedScopes": [],
            "tokenExchangeAudiences": ["service-e"] },
          { "clientId": "service-d", "secret": "{{WebSecret}}", "capabilities": ["tokenExchange", "serviceAccount"], "allowedScopes": [],
            "tokenExchangeAudiences": ["service-b"] },
          { "clientId": "legacy-spa", "type": "public", "capabilities": ["implicitFlow"], "redirectUris": ["https://legacy.example/cb"],
            "consentRequired": false, "allowedScopes": ["openid", "profile", "email", "offline_access", "api"] },
          { "clientId": "hybrid", "secret": "{{WebSecret}}", "capabilities": ["standardFlow", "implicitFlow"], "redirectUris": ["{{WebRedirect}}"],
            "consentRequired": false, "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "opaque", "secret": "{{WebSecret}}", "accessTokenFormat": "reference", "capabilities": ["standardFlow", "serviceAccount"],
            "redirectUris": ["{{WebRedirect}}"], "consentRequired": false, "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "no-flows", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"], "capabilities": [],
            "allowedScopes": ["openid"] },
          { "clientId": "tv", "displayName": "Living Room TV", "type": "public", "capabilities": ["deviceAuthorizationGrant"],
            "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "ciba", "displayName": "Call Centre", "secret": "{{WebSecret}}", "capabilities": ["ciba", "standardFlow"],
            "redirectUris": ["{{WebRedirect}}"], "consentRequired": false, "allowedScopes": ["openid", "profile", "offline_access", "api"] },
          { "clientId": "ciba-pin", "secret": "{{WebSecret}}", "capabilities": ["ciba"], "backchannelUserCodeParameter": true,
            "allowedScopes": ["openid"] },
          { "clientId": "ciba-public", "type": "public", "capabilities": ["ciba"], "allowedScopes": ["openid"] },
          { "clientId": "jwt-key", "tokenEndpointAuthMethod": "private_key_jwt", "jwks": {{ClientAssertions.InlineJwks}},
            "capabilities": ["serviceAccount"], "allowedScopes": ["api"] },
          { "clientId": "jwt-secret", "tokenEndpointAuthMethod": "client_secret_jwt", "secret": "{{ClientAssertions.JwtSecret}}",
            "capabilities": ["serviceAccount"], "allowedScopes": ["api"] },
          { "clientId": "tv-confidential", "secret": "{{WebSecret}}", "capabilities": ["deviceAuthorizationGrant"],
            "allowedScopes": ["openid", "api"] }
        ],
        "users": [
          { "username": "alice", "password": "{{Password}}", "email": "alice@example.com", "emailVerified": true,
            "givenName": "Alice", "familyName": "Liddell" },
          { "username": "bob", "password": "{{Password}}", "email": "bob@example.com" },
          { "username": "throttled", "password": "{{Password}}" },
          { "username": "dave", "password": "{{Password}}", "email": "dave@example.com", "givenName": "Dave" },
          { "username": "pin-user", "password": "{{Password}}" },
          { "username": "ropc-target", "password": "{{Password}}" },
          { "username": "disabled", "password": "{{Password}}", "enabled": false }
        ]
      },
      { "name": "es", "signingAlgorithm": "ES256",
        "clients": [ { "clientId": "web", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"], "consentRequired": false } ],
        "users": [ { "username": "alice", "password": "{{Password}}" } ] },
      { "name": "ps", "signingAlgorithm": "PS256",
        "clients": [ { "clientId": "web", "secret": "{{WebSecret}}", "redirectUris": ["{{WebRedirect}}"], "consentRequired": false } ],
        "users": [ { "username": "alice", "password": "{{Password}}" } ] }
      ]
    }
    """;
}
