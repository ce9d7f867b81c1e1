using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>What the user must do before the response can be issued, or the error prompt=none demands.</summary>
public sealed record InteractionDecision(InteractionKind Kind, OAuthError? Error = null, IReadOnlyList<string>? ScopesToConsent = null)
{
    public static InteractionDecision Ready { get; } = new(InteractionKind.None);
}
