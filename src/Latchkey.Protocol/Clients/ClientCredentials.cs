namespace Latchkey.Protocol.Clients;

/// <summary>What the client presented to prove who it is, before it is checked.</summary>
public sealed record ClientCredentials(string Method, string ClientId, string? Secret);
