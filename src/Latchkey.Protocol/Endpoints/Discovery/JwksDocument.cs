using System.Text.Json;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Discovery;

/// <summary>RFC 7517 §5: the public keys that verify the realm's tokens.</summary>
public static class JwksDocument
{
    public static void Write(Utf8JsonWriter w, IEnumerable<SigningKey> keys)
    {
        w.WriteStartObject();
        w.WriteStartArray("keys");
        foreach (var key in keys)
        {
            w.WriteStartObject();
            foreach (var (name, value) in key.PublicJwk()) w.WriteString(name, value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
