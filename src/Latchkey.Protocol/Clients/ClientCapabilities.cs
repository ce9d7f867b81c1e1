namespace Latchkey.Protocol.Clients;

/// <summary>
/// Which flows a client may use, named as Keycloak names them. A flow the client has not
/// been given is refused with unauthorized_client, never silently allowed.
/// </summary>
[Flags]
public enum ClientCapabilities
{
    None = 0,
    StandardFlow = 1,
    ImplicitFlow = 2,
    DirectAccessGrants = 4,
    ServiceAccount = 8,
    TokenExchange = 16,
    DeviceAuthorizationGrant = 32,
    Ciba = 64,

    /// <summary>A resource server that may introspect any token of its realm (RFC 7662 §2.1), not only its own.</summary>
    TokenIntrospection = 128,
}
