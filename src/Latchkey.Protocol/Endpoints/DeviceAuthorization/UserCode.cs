using System.Security.Cryptography;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

/// <summary>
/// RFC 8628 §6.1: a code a person reads on one screen and types on another. Eight characters of the
/// base-20 consonant alphabet (no vowels, so no words; no digits, so no 0/O or 1/I mix-ups): 20^8 ≈ 2^34.5,
/// enough with throttled guessing (§5.1). Shown as XXXX-XXXX; compared and stored upper-case without the dash.
/// </summary>
public static class UserCode
{
    public const string Alphabet = "BCDFGHJKLMNPQRSTVWXZ";
    public const int Length = 8;

    /// <summary>Anything longer than this is not a mistyped code, and is not looked at further.</summary>
    public const int MaxTypedLength = 32;

    /// <summary>A new code in normalized form.</summary>
    public static string Create() =>
        string.Create(Length, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    /// <summary>XXXX-XXXX: easier to read out and to type (§6.1).</summary>
    public static string Display(string normalized) => $"{normalized[..4]}-{normalized[4..]}";

    /// <summary>
    /// §6.1: case-insensitive, and the dash (and spaces) the user may or may not type are ignored.
    /// Null when the result cannot be a code: wrong length or a character outside the alphabet.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > MaxTypedLength) return null;
        var kept = typed.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray();
        return kept.Length == Length && kept.All(c => Alphabet.Contains(c)) ? new string(kept) : null;
    }

    /// <summary>Stored form: SHA-256 of the normalized code.</summary>
    public static string Hash(string normalized) => RandomToken.Hash(normalized);
}
