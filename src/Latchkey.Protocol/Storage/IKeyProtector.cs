namespace Latchkey.Protocol.Storage;

/// <summary>Encrypts private key material at rest; the host supplies it (ASP.NET Core Data Protection).</summary>
public interface IKeyProtector
{
    byte[] Protect(byte[] plaintext);
    byte[] Unprotect(byte[] protectedData);
}
