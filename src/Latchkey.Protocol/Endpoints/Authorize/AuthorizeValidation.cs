using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>
/// The outcome of validating an authorization request: valid, an error to redirect to the client
/// (its redirect URI is trusted), or an error to show on a page (RFC 6749 §4.1.2.1: never redirect
/// to an unverified URI).
/// </summary>
public sealed record AuthorizeValidation
{
    public AuthorizeRequest? Request { get; private init; }
    public AuthorizationResponse? ErrorRedirect { get; private init; }
    public OAuthError? ErrorPage { get; private init; }

    public static AuthorizeValidation Valid(AuthorizeRequest request) => new() { Request = request };
    public static AuthorizeValidation Redirect(AuthorizationResponse response) => new() { ErrorRedirect = response };
    public static AuthorizeValidation Page(OAuthError error) => new() { ErrorPage = error };
}
