using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LmcBot.Tests.Hosting;

/// <summary>Every log entry at any level, with its category and exception, as an operator's collector receives it.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        /// <summary>What the console formatter would print: the message and, when there is one, the stack trace.</summary>
        public string Printed => Exception is null ? Message : Message + Environment.NewLine + Exception;
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
