using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>Sends every category to one <see cref="CollectingLogger"/>.</summary>
public sealed class CollectingLoggerProvider(CollectingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
