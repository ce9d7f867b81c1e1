namespace Latchkey.Server.Admin;

/// <summary>An operator's input that cannot be applied; the message is meant for them.</summary>
public sealed class AdminException(string message) : Exception(message);
