namespace Latchkey.Protocol.Tokens;

/// <summary>RFC 6749 §5.1 successful response.</summary>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    string? RefreshToken,
    string? IdToken,
    string? Scope,
    string? IssuedTokenType = null);
