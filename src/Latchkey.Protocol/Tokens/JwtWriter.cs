using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Writes a compact JWS (RFC 7515 §7.1) straight into UTF-8 buffers: no claims dictionary, no
/// reflection-based serializer on the hot path.
/// </summary>
public static class JwtWriter
{
    public static string Write(SigningKey key, string type, Action<Utf8JsonWriter> writeClaims)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var header = new Utf8JsonWriter(buffer))
        {
            header.WriteStartObject();
            header.WriteString("alg", key.Algorithm);
            header.WriteString("kid", key.KeyId);
            header.WriteString("typ", type);
            header.WriteEndObject();
        }
        var headerLength = buffer.WrittenCount;
        using (var payload = new Utf8JsonWriter(buffer))
        {
            payload.WriteStartObject();
            writeClaims(payload);
            payload.WriteEndObject();
        }
        var json = buffer.WrittenSpan;
        var headerPart = Base64Url.EncodeToUtf8(json[..headerLength]);
        var payloadPart = Base64Url.EncodeToUtf8(json[headerLength..]);
        var signingInput = new byte[headerPart.Length + 1 + payloadPart.Length];
        headerPart.CopyTo(signingInput, 0);
        signingInput[headerPart.Length] = (byte)'.';
        payloadPart.CopyTo(signingInput, headerPart.Length + 1);
        var signature = key.Sign(signingInput);
        return string.Concat(System.Text.Encoding.ASCII.GetString(signingInput), ".", Base64Url.EncodeToString(signature));
    }
}
