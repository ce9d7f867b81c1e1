using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>RFC 6749 §5.2 unauthorized_client: the client was not given this grant.</summary>
public static class CheckClientMayUseGrant
{
    public static OAuthError? Check(Client client, IGrantHandler handler)
    {
        if (client.IsPublic && !handler.AllowsPublicClients)
            return OAuthErrors.UnauthorizedClient($"Public clients may not use {handler.GrantType}.");
        if (!client.Has(handler.RequiredCapability))
            return OAuthErrors.UnauthorizedClient($"The client is not allowed to use {handler.GrantType}.");
        return null;
    }
}
