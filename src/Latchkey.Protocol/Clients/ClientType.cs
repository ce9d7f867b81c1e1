namespace Latchkey.Protocol.Clients;

/// <summary>RFC 6749 §2.1.</summary>
public enum ClientType
{
    Confidential,
    Public,
}
