using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>RFC 6749 §3.2: unrecognized parameters are ignored; the handler never sees them.</summary>
public static class StripForeignParameters
{
    public static OAuthRequest Apply(OAuthRequest request, IGrantHandler handler) => request.Only(handler.Parameters);
}
