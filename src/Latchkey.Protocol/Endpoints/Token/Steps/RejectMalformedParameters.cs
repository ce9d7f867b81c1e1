using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>RFC 6749 §3.2: no parameter more than once; and no value larger than any real client sends.</summary>
public static class RejectMalformedParameters
{
    public const int MaxValueLength = 2048;

    /// <summary>Parameters that carry a whole token: a JWT with nested act claims can pass 2 KB honestly.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private static readonly HashSet<string> TokenParameters =
    [
        Parameters.SubjectToken, Parameters.ActorToken, Parameters.ClientAssertion, Parameters.IdTokenHint, Parameters.Token, Parameters.AccessToken,
    ];

    /// <summary>The only parameters a later RFC lets repeat: RFC 8707 §2 resource and RFC 8693 §2.1 audience.</summary>
    public static readonly IReadOnlySet<string> Repeatable = new HashSet<string> { Parameters.Resource, Parameters.Audience };

    public static OAuthError? Check(OAuthRequest request)
    {
        if (request.FirstRepeatedParameter(Repeatable) is { } repeated)
            return OAuthErrors.InvalidRequest($"The parameter '{repeated}' was sent more than once.");
        if (request.FirstOversizedParameter(MaxValueLength, TokenParameters, MaxTokenLength) is { } oversized)
            return OAuthErrors.InvalidRequest($"The parameter '{oversized}' is too long.");
        return null;
    }
}
