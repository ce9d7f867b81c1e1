namespace Latchkey.Protocol.Primitives;

public static class GrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";
    public const string Password = "password";
    public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";
    /// <summary>RFC 8628 §3.4.</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";
    /// <summary>CIBA Core §10.1.</summary>
    public const string Ciba = "urn:openid:params:grant-type:ciba";
    /// <summary>RFC 8414 §2 grant_types_supported: tokens from the authorization endpoint (implicit and hybrid).</summary>
    public const string Implicit = "implicit";
}

/// <summary>CIBA Core §4 backchannel_token_delivery_mode values.</summary>
public static class BackchannelTokenDeliveryModes
{
    public const string Poll = "poll";
    public const string Ping = "ping";
}

public static class ResponseTypes
{
    public const string Code = "code";
    public const string Token = "token";
    public const string IdToken = "id_token";
}

public static class ResponseModes
{
    public const string Query = "query";
    public const string Fragment = "fragment";
    public const string FormPost = "form_post";
}

public static class Prompts
{
    public const string None = "none";
    public const string Login = "login";
    public const string Consent = "consent";
    public const string SelectAccount = "select_account";
}

public static class CodeChallengeMethods
{
    public const string S256 = "S256";
    public const string Plain = "plain";
}

public static class ClientAuthMethods
{
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    /// <summary>OIDC Core §9: a JWT signed with HMAC over the client secret.</summary>
    public const string ClientSecretJwt = "client_secret_jwt";
    /// <summary>OIDC Core §9: a JWT signed with a key from the client's JWKS.</summary>
    public const string PrivateKeyJwt = "private_key_jwt";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [ClientSecretBasic, ClientSecretPost, ClientSecretJwt, PrivateKeyJwt, None];
}

public static class ClientAssertionTypes
{
    /// <summary>RFC 7523 §2.2.</summary>
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
}

public static class StandardScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    public const string OfflineAccess = "offline_access";
}

public static class TokenTypes
{
    public const string Bearer = "Bearer";
    /// <summary>RFC 9068 §2.1: the JOSE typ of a JWT access token.</summary>
    public const string AccessTokenJwt = "at+jwt";
}
