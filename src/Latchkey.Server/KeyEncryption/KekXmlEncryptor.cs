using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Latchkey.Server.KeyEncryption;

/// <summary>
/// Encrypts each Data Protection key element with the KEK (AES-256-GCM) before it is stored. The element records
/// which KEK encrypted it (<see cref="KeyEncryptionKey.Id"/>), never the KEK.
/// </summary>
public sealed class KekXmlEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    public const string ElementName = "latchkeyKekEncrypted";
    private const int NonceSize = 12, TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(kek.Key, TagSize)) aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(kek.Id));
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("kek", kek.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KekXmlDecryptor));
    }
}
