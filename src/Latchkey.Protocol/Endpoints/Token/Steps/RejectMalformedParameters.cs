using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>RFC 6749 §3.2: no parameter more than once; and no value larger than any real client sends.</summary>
public static class RejectMalformedParameters
{
    public const int MaxValueLength = 2048;

    public static OAuthError? Check(OAuthRequest request)
    {
        if (request.FirstRepeatedParameter() is { } repeated)
            return OAuthErrors.InvalidRequest($"The parameter '{repeated}' was sent more than once.");
        if (request.FirstOversizedParameter(MaxValueLength) is { } oversized)
            return OAuthErrors.InvalidRequest($"The parameter '{oversized}' is too long.");
        return null;
    }
}
