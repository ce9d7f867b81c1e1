namespace Latchkey.Protocol.Clients;

/// <summary>What a client's access tokens are: self-contained JWTs (RFC 9068), or opaque handles checked by introspection.</summary>
public enum AccessTokenFormat
{
    Jwt,
    Reference,
}
