namespace Latchkey.Protocol.Realms;

/// <summary>RFC 7518 §3.1 algorithms Latchkey signs with.</summary>
public static class SigningAlgorithms
{
    public const string RS256 = "RS256";
    public const string ES256 = "ES256";
    public const string PS256 = "PS256";

    public static readonly IReadOnlyList<string> All = [RS256, ES256, PS256];

    public static bool IsSupported(string alg) => All.Contains(alg);
}
