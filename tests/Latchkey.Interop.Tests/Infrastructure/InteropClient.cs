namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>A client that signs a person in through the browser, and that person.</summary>
public sealed record InteropClient(string ClientId, string RedirectUri, string PostLogoutRedirectUri, string Username);
