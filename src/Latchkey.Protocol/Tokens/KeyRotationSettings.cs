namespace Latchkey.Protocol.Tokens;

/// <summary>The signing-key schedule; the host fills it from its configuration (Latchkey:Keys).</summary>
public sealed record KeyRotationSettings
{
    /// <summary>Whether a successor is scheduled automatically when the signing key is due.</summary>
    public bool Automatic { get; init; } = true;

    /// <summary>How long a key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long before it starts signing a successor is published (longer than any relying party caches JWKS).</summary>
    public TimeSpan PropagationTime { get; init; } = TimeSpan.FromDays(14);

    /// <summary>How long a key stays published after it stopped signing (longer than any token it signed lives).</summary>
    public TimeSpan RetentionTime { get; init; } = TimeSpan.FromDays(14);
}
