using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Grants.TokenExchange;

/// <summary>RFC 8693 §2.1 request syntax: which parameters must be there, and which token types we accept and issue.</summary>
public static class TokenExchangeRequest
{
    public static OAuthError? Check(OAuthRequest request)
    {
        if (request[Parameters.SubjectToken] is null || request[Parameters.SubjectTokenType] is null)
            return OAuthErrors.InvalidRequest("subject_token and subject_token_type are required.");
        if (!ExchangedTokenReader.IsSupported(request[Parameters.SubjectTokenType]!))
            return OAuthErrors.InvalidRequest("subject_token_type is not supported.");
        if (request[Parameters.ActorToken] is not null != request[Parameters.ActorTokenType] is not null)
            return OAuthErrors.InvalidRequest("actor_token and actor_token_type go together.");
        if (request[Parameters.ActorTokenType] is { } actorType && !ExchangedTokenReader.IsSupported(actorType))
            return OAuthErrors.InvalidRequest("actor_token_type is not supported.");
        // Latchkey issues JWT access tokens, which are both of these types.
        return request[Parameters.RequestedTokenType] is null or TokenTypeUris.AccessToken or TokenTypeUris.Jwt
            ? null
            : OAuthErrors.InvalidRequest("requested_token_type is not supported; Latchkey issues access tokens.");
    }
}
