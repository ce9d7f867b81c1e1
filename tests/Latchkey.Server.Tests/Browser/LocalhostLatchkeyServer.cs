using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// Latchkey on http://localhost:&lt;port&gt; instead of 127.0.0.1: the sample WebApp builds its redirect URI
/// from the host the browser used, and its cookies and Latchkey's must live under the host name the
/// samples' README tells people to use.
/// </summary>
public sealed class LocalhostLatchkeyServer() : LatchkeyServer(new Dictionary<string, string> { ["urls"] = $"http://localhost:{FreePort.Next()}" });
