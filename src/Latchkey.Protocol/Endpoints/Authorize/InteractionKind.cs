namespace Latchkey.Protocol.Endpoints.Authorize;

public enum InteractionKind
{
    /// <summary>Session and consent suffice: issue the response now.</summary>
    None,
    Login,
    Consent,
}
