namespace Latchkey.Protocol.Primitives;

/// <summary>Factories for the error codes of RFC 6749 §4.1.2.1, §5.2, RFC 6750 §3.1, RFC 8628 §3.5 and OIDC Core §3.1.2.6.</summary>
public static class OAuthErrors
{
    public static OAuthError InvalidRequest(string description) => new(ErrorCodes.InvalidRequest, description);
    public static OAuthError InvalidGrant(string description) => new(ErrorCodes.InvalidGrant, description);
    public static OAuthError InvalidScope(string description) => new(ErrorCodes.InvalidScope, description);
    public static OAuthError UnauthorizedClient(string description) => new(ErrorCodes.UnauthorizedClient, description);
    public static OAuthError UnsupportedGrantType(string description) => new(ErrorCodes.UnsupportedGrantType, description);
    public static OAuthError UnsupportedResponseType(string description) => new(ErrorCodes.UnsupportedResponseType, description);
    public static OAuthError AccessDenied(string description) => new(ErrorCodes.AccessDenied, description);
    public static OAuthError LoginRequired(string description) => new(ErrorCodes.LoginRequired, description);
    public static OAuthError ConsentRequired(string description) => new(ErrorCodes.ConsentRequired, description);
    public static OAuthError InvalidToken(string description) => new(ErrorCodes.InvalidToken, description, 401);
    public static OAuthError InsufficientScope(string description) => new(ErrorCodes.InsufficientScope, description, 403);
    public static OAuthError AuthorizationPending(string description) => new(ErrorCodes.AuthorizationPending, description);
    public static OAuthError SlowDown(string description) => new(ErrorCodes.SlowDown, description);
    public static OAuthError ExpiredToken(string description) => new(ErrorCodes.ExpiredToken, description);

    /// <summary>RFC 6749 §5.2: 401 with WWW-Authenticate; sent always, whichever way the client authenticated.</summary>
    public static OAuthError InvalidClient(string description, string? debug = null) =>
        new(ErrorCodes.InvalidClient, description, 401, debug) { WwwAuthenticate = "Basic realm=\"latchkey\"" };
}
