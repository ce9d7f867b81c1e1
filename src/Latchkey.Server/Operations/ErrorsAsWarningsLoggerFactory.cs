namespace Latchkey.Server.Operations;

/// <summary>
/// EF Core's logger: what EF would log as an error (a command, query, save or connection that failed) is logged as
/// a warning. The exception goes on to the host, which decides: a bug is logged as server_error at error level, an
/// unreachable database becomes a 503 logged as a warning (<see cref="DatabaseUnavailableHandler"/>). Events EF
/// logs below error, such as a connection failure it expected while checking that a database exists, keep their level.
/// </summary>
public sealed class ErrorsAsWarningsLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Downgrading(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The application's factory is not ours to dispose.</summary>
    public void Dispose() { }

    private static LogLevel Lowered(LogLevel level) => level == LogLevel.Error ? LogLevel.Warning : level;

    private sealed class Downgrading(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Lowered(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(Lowered(logLevel), eventId, state, exception, formatter);
    }
}
