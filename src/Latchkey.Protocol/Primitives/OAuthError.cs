namespace Latchkey.Protocol.Primitives;

/// <summary>
/// A protocol error. <see cref="Debug"/> is for the server log only and never reaches the client.
/// </summary>
public sealed record OAuthError(string Code, string? Description, int Status = 400, string? Debug = null)
{
    /// <summary>Set for invalid_client when the client tried HTTP authentication (RFC 6749 §5.2).</summary>
    public string? WwwAuthenticate { get; init; }
}
