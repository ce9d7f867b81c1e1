using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Grants.AuthorizationCode;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>The checks made once the redirect URI is trusted; each failure goes back to the client.</summary>
public static class AuthorizeParameterChecks
{
    private static readonly HashSet<string> KnownPrompts = [Prompts.None, Prompts.Login, Prompts.Consent, Prompts.SelectAccount];

    public static OAuthError? Check(OAuthRequest request, Client client) =>
        RejectMalformedParameters.Check(request)
        ?? CheckRequestObject(request)
        ?? CheckResponseType(request, client)
        ?? CheckPrompt(request)
        ?? CheckMaxAge(request)
        ?? CheckPkce(request, client);

    /// <summary>OIDC Core §6: request objects are not supported (and discovery says so).</summary>
    private static OAuthError? CheckRequestObject(OAuthRequest request) =>
        request.Has(Parameters.Request) ? new OAuthError(ErrorCodes.RequestNotSupported, "Request objects are not supported.")
        : request.Has(Parameters.RequestUri) ? new OAuthError(ErrorCodes.RequestUriNotSupported, "request_uri is not supported.")
        : null;

    private static OAuthError? CheckResponseType(OAuthRequest request, Client client)
    {
        var responseType = request[Parameters.ResponseType];
        if (responseType is null) return OAuthErrors.InvalidRequest("response_type is missing.");
        if (responseType != ResponseTypes.Code) return OAuthErrors.UnsupportedResponseType($"response_type '{responseType}' is not supported.");
        return client.Has(ClientCapabilities.StandardFlow)
            ? null
            : OAuthErrors.UnauthorizedClient("The client is not allowed to use the authorization code flow.");
    }

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
