using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Latchkey.Server.KeyEncryption;

/// <summary>
/// Decrypts what <see cref="KekXmlEncryptor"/> wrote. Data Protection creates it by type name from the stored XML,
/// with the service provider, so the KEK is looked up there.
/// </summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var kek = services.GetService<KeyEncryptionKey>()
                  ?? throw new CryptographicException("The Data Protection key ring is encrypted with a key-encryption key, and none is configured "
                                                      + "(Latchkey:KeyEncryption:Key or KeyFile).");
        var id = (string?)encryptedElement.Attribute("kek");
        if (id != kek.Id)
            throw new CryptographicException($"The Data Protection key ring was encrypted with another key-encryption key ({id}); the configured one is {kek.Id}.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(kek.Key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.ASCII.GetBytes(kek.Id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
