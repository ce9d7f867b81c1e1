using System.Text.Json;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>CIBA Core §7.3: the handle the client polls with (or that a ping names), and how long and how often.</summary>
public sealed record BackchannelAuthenticationResponse(string AuthReqId, int ExpiresIn, int Interval)
{
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString(Parameters.AuthReqId, AuthReqId);
        w.WriteNumber(Parameters.ExpiresIn, ExpiresIn);
        w.WriteNumber(Parameters.Interval, Interval);
        w.WriteEndObject();
    }
}
