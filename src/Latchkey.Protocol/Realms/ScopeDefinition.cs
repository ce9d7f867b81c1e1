namespace Latchkey.Protocol.Realms;

/// <summary>
/// A scope a client may ask for. <see cref="Description"/> is what the consent page shows, in plain words.
/// <see cref="Audience"/> names the resource server an access token carrying this scope is meant for.
/// </summary>
public sealed record ScopeDefinition(string Name, string Description, string? Audience = null, IReadOnlyList<string>? Claims = null);
