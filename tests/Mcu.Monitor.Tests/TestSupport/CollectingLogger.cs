using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>A logger that keeps every formatted line, so tests can assert what was (and was not) logged.</summary>
public sealed class CollectingLogger : ILogger
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public IReadOnlyList<string> Messages => [.. _lines.Select(l => l.Message)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue(new LogLine(logLevel, eventId.Id, formatter(state, exception), exception));
    }

    /// <summary>True when any logged message or exception mentions <paramref name="fragment"/>.</summary>
    public bool Contains(string fragment) =>
        _lines.Any(l => l.Message.Contains(fragment, StringComparison.Ordinal)
            || (l.Exception?.ToString().Contains(fragment, StringComparison.Ordinal) ?? false));

    public sealed record LogLine(LogLevel Level, int EventId, string Message, Exception? Exception);
}
