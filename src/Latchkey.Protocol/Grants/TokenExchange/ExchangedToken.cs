using System.Text.Json.Nodes;

namespace Latchkey.Protocol.Grants.TokenExchange;

/// <summary>What an exchange needs to know about a presented subject or actor token.</summary>
public sealed record ExchangedToken(
    string Subject,
    string ClientId,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Scopes,
    string? GrantId,
    DateTimeOffset? AuthTime,
    JsonObject? Actor,
    DateTimeOffset? ExpiresAt);
