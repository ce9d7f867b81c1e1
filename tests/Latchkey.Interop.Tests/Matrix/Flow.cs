namespace Latchkey.Interop.Tests.Matrix;

/// <summary>The matrix's rows.</summary>
public static class Flow
{
    public const string Discovery = "discovery (OIDC Discovery, RFC 8414)";
    public const string CodePkce = "authorization code + PKCE, in Chromium";
    public const string ErrorResponse = "authorization error response (prompt=none), iss + state checked";
    public const string Hybrid = "hybrid (code id_token), in Chromium";
    public const string Implicit = "implicit (id_token), in Chromium";
    public const string Refresh = "refresh token, rotated";
    public const string ClientCredentials = "client credentials";
    public const string PrivateKeyJwt = "client credentials, private_key_jwt (RFC 7523)";
    public const string ClientSecretJwt = "client credentials, client_secret_jwt (RFC 7523)";
    public const string Password = "resource owner password";
    public const string TokenExchange = "token exchange (RFC 8693)";
    public const string UserInfo = "userinfo";
    public const string Introspection = "introspection (RFC 7662)";
    public const string IntrospectionJwt = "introspection, JWT answer (RFC 9701)";
    public const string Revocation = "revocation (RFC 7009)";
    public const string Logout = "RP-initiated logout, in Chromium";
    public const string JwtAccessToken = "JWT access token at a resource server (RFC 9068)";
    public const string Device = "device authorization (RFC 8628)";
    public const string Ciba = "CIBA, poll mode (CIBA Core 1.0)";
}
