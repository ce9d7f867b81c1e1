using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>The lines the server writes to the "Latchkey.Audit" log category, from the moment it is attached.</summary>
public sealed class AuditCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public IEnumerable<JsonElement> Events => _lines.Select(l => JsonDocument.Parse(l).RootElement.Clone());

    public static AuditCapture AttachTo(LatchkeyServer server)
    {
        var capture = new AuditCapture();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName == "Latchkey.Audit" ? _lines : null);

    public void Dispose() { }

    private sealed class Collector(ConcurrentQueue<string>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => lines is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines?.Enqueue(formatter(state, exception));
    }
}
