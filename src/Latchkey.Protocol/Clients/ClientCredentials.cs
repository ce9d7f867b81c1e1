using Latchkey.Protocol.Clients.Assertions;

namespace Latchkey.Protocol.Clients;

/// <summary>What the client presented to prove who it is, before it is checked: a secret, an assertion, or only its id.</summary>
public sealed record ClientCredentials(string Method, string ClientId, string? Secret, ClientAssertion? Assertion = null);
