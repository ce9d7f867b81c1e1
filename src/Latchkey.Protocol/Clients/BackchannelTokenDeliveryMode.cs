namespace Latchkey.Protocol.Clients;

/// <summary>
/// CIBA Core §4 backchannel_token_delivery_mode: how a CIBA client learns that the user has decided.
/// Push (§10.3) is not offered: it sends the tokens themselves to the client, and FAPI-CIBA forbids it.
/// </summary>
public enum BackchannelTokenDeliveryMode
{
    /// <summary>§10.1: the client polls the token endpoint.</summary>
    Poll,

    /// <summary>§10.2: the server calls the client's notification endpoint, then the client asks the token endpoint once.</summary>
    Ping,
}
