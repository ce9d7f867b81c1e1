using System.Text.Json.Nodes;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.TokenExchange;

/// <summary>
/// RFC 8693: a service holding a token meant for it gets a token for the same subject meant for
/// another service. Without actor_token it impersonates (only if its policy allows); with one it
/// delegates and the new token says who acts (§4.1 act, nested for chains). Scopes only narrow.
/// </summary>
public sealed class TokenExchangeGrant(ExchangedTokenReader tokens, ScopeCatalog scopes, IUserStore users) : IGrantHandler
{
    public string GrantType => GrantTypes.TokenExchange;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.SubjectToken, Primitives.Parameters.SubjectTokenType,
        Primitives.Parameters.ActorToken, Primitives.Parameters.ActorTokenType, Primitives.Parameters.Audience,
        Primitives.Parameters.Resource, Primitives.Parameters.Scope, Primitives.Parameters.RequestedTokenType, Primitives.Parameters.ClientId,
    };

    public bool AllowsPublicClients => false;
    public ClientCapabilities RequiredCapability => ClientCapabilities.TokenExchange;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, _) = context;
        if (TokenExchangeRequest.Check(request) is { } malformed) return malformed;

        // §2.2.2: an invalid or unacceptable subject_token or actor_token is invalid_request.
        var subject = await tokens.ReadAsync(issuer, request[Primitives.Parameters.SubjectToken]!, request[Primitives.Parameters.SubjectTokenType]!, ct);
        if (subject is null) return OAuthErrors.InvalidRequest("subject_token is invalid, expired or revoked.");
        if (subject.ClientId != client.ClientId && !subject.Audiences.Contains(client.ClientId))
            return OAuthErrors.InvalidRequest("subject_token was not issued to or for this client.");

        var actor = await ReadActorAsync(issuer, request, ct);
        if (!actor.Succeeded) return actor.Error!;
        // §1.1, §4.1: the actor is the party acting, here the calling client itself (its own token);
        // anything else would let a client name someone else as actor.
        if (actor.Value is not null && actor.Value.Subject != client.ClientId)
            return OAuthErrors.InvalidRequest("actor_token must identify the calling client.");
        if (actor.Value is null && !client.TokenExchangeMayImpersonate)
            return OAuthErrors.UnauthorizedClient("This client may only exchange tokens with an actor_token (delegation).");

        var requested = ScopeList.Parse(request[Primitives.Parameters.Scope]);
        var granted = requested.Count > 0 ? requested : subject.Scopes;
        if (granted.Except(subject.Scopes).Any()) return OAuthErrors.InvalidScope("The requested scope exceeds the subject token's scope.");

        var targets = request.All(Primitives.Parameters.Audience).Concat(request.All(Primitives.Parameters.Resource)).Distinct().ToArray();
        if (targets.Length == 0) targets = (await scopes.AudiencesAsync(issuer.RealmName, granted, ct)).ToArray();
        if (targets.Length == 0) return OAuthErrors.InvalidRequest("audience or resource is required.");
        if (targets.FirstOrDefault(t => !client.TokenExchangeAudiences.Contains(t)) is { } refused)
            return new OAuthError(ErrorCodes.InvalidTarget, $"This client may not exchange tokens for '{refused}'.");

        var user = await users.FindByIdAsync(issuer.RealmName, subject.Subject, ct);
        if (user is { Enabled: false }) return OAuthErrors.InvalidRequest("subject_token is invalid, expired or revoked.");

        return new TokenGrant
        {
            Client = client,
            User = user,
            // An exchanged token never outlives the token it came from, so exchanges cannot extend access.
            ExpiresAtMost = subject.ExpiresAt,
            SubjectId = subject.Subject,
            Scopes = granted,
            Audiences = targets,
            // Derived tokens belong to the subject's grant: revoking the user's grant revokes them too.
            GrantId = subject.GrantId,
            AuthTime = subject.AuthTime,
            Actor = actor.Value is null ? subject.Actor : ActClaim(actor.Value, subject.Actor),
            IssuedTokenType = TokenTypeUris.AccessToken,
        };
    }

    private async ValueTask<Result<ExchangedToken?>> ReadActorAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        var token = request[Primitives.Parameters.ActorToken];
        if (token is null) return Result<ExchangedToken?>.Ok(null);
        var actor = await tokens.ReadAsync(issuer, token, request[Primitives.Parameters.ActorTokenType]!, ct);
        return actor is null ? OAuthErrors.InvalidRequest("actor_token is invalid, expired or revoked.") : Result<ExchangedToken?>.Ok(actor);
    }

    /// <summary>§4.1: the current actor at the top, the chain of earlier actors nested beneath.</summary>
    private static JsonObject ActClaim(ExchangedToken actor, JsonObject? earlier)
    {
        var act = new JsonObject { [ClaimNames.Subject] = actor.Subject };
        if (earlier is not null) act[ClaimNames.Actor] = earlier.DeepClone();
        return act;
    }
}
