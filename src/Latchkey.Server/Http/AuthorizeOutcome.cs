using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Http;

/// <summary>What the browser gets from /authorize: an error page, a response to the client, or a page of ours.</summary>
public sealed record AuthorizeOutcome(OAuthError? ErrorPage = null, AuthorizationResponse? Response = null, string? Redirect = null);
