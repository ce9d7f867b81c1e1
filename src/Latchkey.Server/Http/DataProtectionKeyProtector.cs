using Latchkey.Protocol.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Latchkey.Server.Http;

/// <summary>Signing keys at rest are encrypted with ASP.NET Core Data Protection.</summary>
public sealed class DataProtectionKeyProtector(IDataProtectionProvider provider) : IKeyProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Latchkey.SigningKeys.v1");

    public byte[] Protect(byte[] plaintext) => _protector.Protect(plaintext);
    public byte[] Unprotect(byte[] protectedData) => _protector.Unprotect(protectedData);
}
