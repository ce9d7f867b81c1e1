namespace Latchkey.Protocol.Primitives;

/// <summary>Parameter names of RFC 6749, RFC 7636, RFC 8628, RFC 9207, OIDC Core and CIBA Core.</summary>
public static class Parameters
{
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    /// <summary>RFC 7521 §4.2.</summary>
    public const string ClientAssertion = "client_assertion";
    public const string ClientAssertionType = "client_assertion_type";
    public const string ResponseType = "response_type";
    public const string ResponseMode = "response_mode";
    public const string RedirectUri = "redirect_uri";
    public const string Scope = "scope";
    public const string State = "state";
    public const string Nonce = "nonce";
    public const string Prompt = "prompt";
    public const string MaxAge = "max_age";
    public const string LoginHint = "login_hint";
    public const string IdTokenHint = "id_token_hint";
    public const string Display = "display";
    public const string UiLocales = "ui_locales";
    public const string AcrValues = "acr_values";
    public const string Request = "request";
    public const string RequestUri = "request_uri";
    public const string CodeChallenge = "code_challenge";
    public const string CodeChallengeMethod = "code_challenge_method";
    public const string CodeVerifier = "code_verifier";
    public const string GrantType = "grant_type";
    public const string Token = "token";
    public const string SubjectToken = "subject_token";
    public const string SubjectTokenType = "subject_token_type";
    public const string ActorToken = "actor_token";
    public const string ActorTokenType = "actor_token_type";
    public const string RequestedTokenType = "requested_token_type";
    public const string IssuedTokenType = "issued_token_type";
    public const string Audience = "audience";
    public const string Resource = "resource";
    public const string TokenTypeHint = "token_type_hint";
    public const string Username = "username";
    public const string Password = "password";
    public const string Code = "code";
    public const string RefreshToken = "refresh_token";
    public const string AccessToken = "access_token";
    public const string TokenType = "token_type";
    public const string ExpiresIn = "expires_in";
    public const string IdToken = "id_token";
    public const string Error = "error";
    public const string ErrorDescription = "error_description";
    public const string Issuer = "iss";
    public const string SessionState = "session_state";
    public const string PostLogoutRedirectUri = "post_logout_redirect_uri";
    public const string DeviceCode = "device_code";
    public const string UserCode = "user_code";
    public const string VerificationUri = "verification_uri";
    public const string VerificationUriComplete = "verification_uri_complete";
    public const string Interval = "interval";
    /// <summary>CIBA Core §7.1, §7.3.</summary>
    public const string AuthReqId = "auth_req_id";
    public const string LoginHintToken = "login_hint_token";
    public const string BindingMessage = "binding_message";
    public const string RequestedExpiry = "requested_expiry";
    public const string ClientNotificationToken = "client_notification_token";
}
