namespace Latchkey.Protocol.Primitives;

/// <summary>JWT claim names of RFC 7519 §4.1, RFC 9068 §2.2, RFC 8693 §4 and OIDC Core §2, §5.1.</summary>
public static class ClaimNames
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";
    public const string IssuedAt = "iat";
    public const string JwtId = "jti";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string AuthTime = "auth_time";
    public const string Nonce = "nonce";
    public const string AccessTokenHash = "at_hash";
    public const string CodeHash = "c_hash";
    public const string Acr = "acr";
    public const string Amr = "amr";
    public const string AuthorizedParty = "azp";
    public const string SessionId = "sid";
    public const string Actor = "act";
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string PreferredUsername = "preferred_username";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
}
