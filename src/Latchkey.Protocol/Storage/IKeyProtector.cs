namespace Latchkey.Protocol.Storage;

/// <summary>
/// Encrypts secrets at rest: signing keys, and the successor of a refresh token rotated for a client with a reuse
/// grace. The host supplies it (ASP.NET Core Data Protection, its key ring shared by every node).
/// </summary>
public interface IKeyProtector
{
    byte[] Protect(byte[] plaintext);
    byte[] Unprotect(byte[] protectedData);
}
