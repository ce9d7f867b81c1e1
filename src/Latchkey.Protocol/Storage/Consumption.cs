namespace Latchkey.Protocol.Storage;

public enum ConsumeOutcome
{
    /// <summary>This call consumed it; no other caller ever will.</summary>
    Consumed,
    /// <summary>It had been consumed before: a replay (RFC 6749 §4.1.2, RFC 9700 §4.14.2).</summary>
    AlreadyConsumed,
    /// <summary>Unknown, or its grant has been revoked.</summary>
    NotFound,
}

/// <summary>The outcome of a single-use redemption, made atomic in the store itself.</summary>
public sealed record Consumption<T>(ConsumeOutcome Outcome, T? Record) where T : class
{
    public static Consumption<T> NotFound { get; } = new(ConsumeOutcome.NotFound, null);
}
