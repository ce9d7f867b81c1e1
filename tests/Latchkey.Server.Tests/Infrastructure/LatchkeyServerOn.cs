namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>A Latchkey on a data directory (SQLite file, Data Protection keys) the test owns: a node that can be stopped and followed by another.</summary>
public sealed class LatchkeyServerOn(string dataDirectory) : LatchkeyServer(new Dictionary<string, string> { ["Latchkey:DataDirectory"] = dataDirectory });
