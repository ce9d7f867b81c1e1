using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Grants.AuthorizationCode;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>The checks made once the redirect URI is trusted; each failure goes back to the client.</summary>
public static class AuthorizeParameterChecks
{
    private static readonly HashSet<string> KnownPrompts = [Prompts.None, Prompts.Login, Prompts.Consent, Prompts.SelectAccount];

    public static OAuthError? Check(OAuthRequest request, Client client, ResponseTypeSet? responseType) =>
        RejectMalformedParameters.Check(request)
        ?? CheckRequestObject(request)
        ?? CheckResponseType(request, client, responseType)
        ?? CheckNonce(request, responseType!)
        ?? CheckPrompt(request)
        ?? CheckMaxAge(request)
        ?? (responseType!.Code ? CheckPkce(request, client) : null);

    /// <summary>OIDC Core §6: request objects are not supported (and discovery says so).</summary>
    private static OAuthError? CheckRequestObject(OAuthRequest request) =>
        request.Has(Parameters.Request) ? new OAuthError(ErrorCodes.RequestNotSupported, "Request objects are not supported.")
        : request.Has(Parameters.RequestUri) ? new OAuthError(ErrorCodes.RequestUriNotSupported, "request_uri is not supported.")
        : null;

    private static OAuthError? CheckResponseType(OAuthRequest request, Client client, ResponseTypeSet? responseType)
    {
        var value = request[Parameters.ResponseType];
        if (value is null) return OAuthErrors.InvalidRequest("response_type is missing.");
        if (responseType is null) return OAuthErrors.UnsupportedResponseType($"response_type '{value}' is not supported.");
        if (!client.Has(responseType.RequiredCapabilities))
            return OAuthErrors.UnauthorizedClient($"The client is not allowed to use response_type '{value}'.");
        // OIDC Core §3.2.2.1: an ID token is only for OpenID Connect requests.
        return responseType.IdToken && !ScopeList.Parse(request[Parameters.Scope]).Contains(StandardScopes.OpenId)
            ? OAuthErrors.InvalidRequest("response_type id_token needs the openid scope.")
            : null;
    }

    /// <summary>OIDC Core §3.2.2.1, §3.3.2.11: nonce is required whenever /authorize returns an ID token (replay protection).</summary>
    private static OAuthError? CheckNonce(OAuthRequest request, ResponseTypeSet responseType) =>
        responseType.IdToken && request[Parameters.Nonce] is null
            ? OAuthErrors.InvalidRequest("nonce is required when an ID token is returned from the authorization endpoint.")
            : null;

    /// <summary>OIDC Core §3.1.2.1: prompt=none must stand alone.</summary>
    private static OAuthError? CheckPrompt(OAuthRequest request)
    {
        var prompts = ScopeList.Parse(request[Parameters.Prompt]);
        if (prompts.FirstOrDefault(p => !KnownPrompts.Contains(p)) is { } unknown)
            return OAuthErrors.InvalidRequest($"prompt '{unknown}' is not supported.");
        return prompts.Contains(Prompts.None) && prompts.Count > 1
            ? OAuthErrors.InvalidRequest("prompt=none cannot be combined with other values.")
            : null;
    }

    private static OAuthError? CheckMaxAge(OAuthRequest request)
    {
        var maxAge = request[Parameters.MaxAge];
        return maxAge is null || (int.TryParse(maxAge, System.Globalization.NumberStyles.None, null, out var v) && v >= 0)
            ? null
            : OAuthErrors.InvalidRequest("max_age must be a non-negative integer.");
    }

    /// <summary>RFC 7636 §4.3–§4.4; public clients always need it (RFC 9700 §2.1.1).</summary>
    private static OAuthError? CheckPkce(OAuthRequest request, Client client)
    {
        var challenge = request[Parameters.CodeChallenge];
        var method = request[Parameters.CodeChallengeMethod];
        if (challenge is null)
        {
            if (method is not null) return OAuthErrors.InvalidRequest("code_challenge_method without code_challenge.");
            return client.MustUsePkce ? OAuthErrors.InvalidRequest("code_challenge is required (PKCE).") : null;
        }
        method ??= CodeChallengeMethods.Plain;
        if (method is not (CodeChallengeMethods.S256 or CodeChallengeMethods.Plain))
            return OAuthErrors.InvalidRequest("code_challenge_method is not supported.");
        if (method == CodeChallengeMethods.Plain && !client.AllowPlainPkce)
            return OAuthErrors.InvalidRequest("code_challenge_method must be S256.");
        return PkceVerifier.IsWellFormed(challenge) ? null : OAuthErrors.InvalidRequest("code_challenge is malformed.");
    }
}
