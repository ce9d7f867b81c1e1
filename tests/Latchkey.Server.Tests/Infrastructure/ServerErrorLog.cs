using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>
/// Collects every error the server logs. An unhandled exception is a bug even when the test's own
/// assertions pass, so the fixture fails at the end if anything landed here.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _errors);

    public void Dispose() { }

    private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
