using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>A typed logger over a <see cref="CollectingLogger"/>, for classes that take <see cref="ILogger{T}"/>.</summary>
public sealed class TestLogger<T>(CollectingLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
