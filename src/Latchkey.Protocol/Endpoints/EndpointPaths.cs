namespace Latchkey.Protocol.Endpoints;

/// <summary>Where each endpoint lives beneath a realm's issuer ({base}/realms/{realm}).</summary>
public static class EndpointPaths
{
    public const string Authorize = "/authorize";
    public const string Token = "/token";
    public const string UserInfo = "/userinfo";
    public const string Jwks = "/jwks";
    public const string Introspect = "/introspect";
    public const string Revoke = "/revoke";
    public const string EndSession = "/logout";
    public const string Account = "/account";
    public const string Login = "/login";
    public const string Consent = "/consent";
    /// <summary>RFC 8628 §3.1 device authorization endpoint, and §3.3 the page where the user enters the code.</summary>
    public const string DeviceAuthorization = "/device_authorization";
    public const string Device = "/device";
    /// <summary>CIBA Core §7 backchannel authentication endpoint, and the page where the user approves or denies.</summary>
    public const string BackchannelAuthentication = "/bc-authorize";
    public const string BackchannelApproval = "/ciba";
    public const string OpenIdConfiguration = "/.well-known/openid-configuration";
}
