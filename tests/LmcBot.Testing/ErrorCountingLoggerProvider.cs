using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LmcBot.Testing;

/// <summary>Counts error and critical log entries and keeps the first few, for the fuzz runs of the load tools.</summary>
public sealed class ErrorCountingLoggerProvider : ILoggerProvider
{
    private const int Kept = 10;
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => _count;

    public IReadOnlyList<string> First => [.. _first];

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(ErrorCountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || Interlocked.Increment(ref owner._count) > Kept)
                return;
            owner._first.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
