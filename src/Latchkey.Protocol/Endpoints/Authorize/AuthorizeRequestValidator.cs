using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>
/// RFC 6749 §4.1.1 / §4.1.2.1 and OIDC Core §3.1.2.1–§3.1.2.2. The client and redirect URI are
/// established first; until they are, errors go to a page; after, to the client.
/// </summary>
public sealed class AuthorizeRequestValidator(IClientStore clients, ScopeCatalog scopes)
{
    public async ValueTask<AuthorizeValidation> ValidateAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        var target = await ResolveClientAndRedirectAsync(issuer.RealmName, request, ct);
        if (!target.Succeeded) return AuthorizeValidation.Page(target.Error!);
        var (client, redirectUri, supplied) = target.Value;

        var responseType = ResponseTypeSet.Parse(request[Parameters.ResponseType] ?? "");
        var defaultMode = responseType?.DefaultResponseMode ?? ResponseModes.Query;
        var responseMode = request[Parameters.ResponseMode] ?? defaultMode;
        var state = request[Parameters.State];
        AuthorizeValidation Fail(OAuthError error, string mode) =>
            AuthorizeValidation.Redirect(AuthorizationResponse.ForError(redirectUri, mode, error, state, issuer.Issuer));

        if (responseMode is not (ResponseModes.Query or ResponseModes.Fragment or ResponseModes.FormPost))
            return Fail(OAuthErrors.InvalidRequest("response_mode is not supported."), defaultMode);
        // Multiple Response Types §2.1 / RFC 9700 §4.3: tokens never travel in the query string.
        if (responseMode == ResponseModes.Query && responseType?.HasFrontChannelTokens == true)
            return Fail(OAuthErrors.InvalidRequest("response_mode=query cannot carry tokens; use fragment or form_post."), defaultMode);
        if (AuthorizeParameterChecks.Check(request, client, responseType) is { } invalid) return Fail(invalid, responseMode);

        var requested = ScopeList.Parse(request[Parameters.Scope]);
        if (await scopes.CheckAsync(issuer.RealmName, client, requested, ct) is { } badScope) return Fail(badScope, responseMode);

        return AuthorizeValidation.Valid(new AuthorizeRequest
        {
            Client = client,
            RedirectUri = redirectUri,
            RedirectUriSupplied = supplied,
            ResponseType = responseType!,
            ResponseMode = responseMode,
            Scopes = requested,
            State = state,
            Nonce = request[Parameters.Nonce],
            Prompts = ScopeList.Parse(request[Parameters.Prompt]).ToHashSet(),
            MaxAge = request[Parameters.MaxAge] is { } maxAge ? int.Parse(maxAge) : null,
            LoginHint = request[Parameters.LoginHint],
            CodeChallenge = request[Parameters.CodeChallenge],
            CodeChallengeMethod = request[Parameters.CodeChallenge] is null
                ? null
                : request[Parameters.CodeChallengeMethod] ?? CodeChallengeMethods.Plain,
        });
    }

    private async ValueTask<Result<(Client, string, bool)>> ResolveClientAndRedirectAsync(string realm, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request.Only(TrustParameters)) is { } malformed) return malformed;
        var clientId = request[Parameters.ClientId];
        if (clientId is null) return OAuthErrors.InvalidRequest("client_id is missing.");
        var client = await clients.FindAsync(realm, clientId, ct);
        if (client is null) return new OAuthError(ErrorCodes.InvalidClient, "The client is unknown.");

        var redirectUri = request[Parameters.RedirectUri];
        if (redirectUri is null)
        {
            // RFC 6749 §3.1.2.3 allows omitting it with a single registration; OIDC Core §3.1.2.1 does not.
            var openId = ScopeList.Parse(request[Parameters.Scope]).Contains(StandardScopes.OpenId);
            if (openId || client.RedirectUris.Count != 1) return OAuthErrors.InvalidRequest("redirect_uri is missing.");
            return (client, client.RedirectUris[0], false);
        }
        if (!RedirectUriMatcher.IsRegistered(client, redirectUri))
            return OAuthErrors.InvalidRequest("redirect_uri is not registered for this client.");
        return (client, redirectUri, true);
    }

    private static readonly HashSet<string> TrustParameters = [Parameters.ClientId, Parameters.RedirectUri];
}
