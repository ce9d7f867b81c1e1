using System.Text.Json;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

/// <summary>RFC 8628 §3.2: what the device shows the user, and what it polls with.</summary>
public sealed record DeviceAuthorizationResponse(
    string DeviceCode,
    string UserCode,
    string VerificationUri,
    string VerificationUriComplete,
    int ExpiresIn,
    int Interval)
{
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString(Parameters.DeviceCode, DeviceCode);
        w.WriteString(Parameters.UserCode, UserCode);
        w.WriteString(Parameters.VerificationUri, VerificationUri);
        w.WriteString(Parameters.VerificationUriComplete, VerificationUriComplete);
        w.WriteNumber(Parameters.ExpiresIn, ExpiresIn);
        w.WriteNumber(Parameters.Interval, Interval);
        w.WriteEndObject();
    }
}
