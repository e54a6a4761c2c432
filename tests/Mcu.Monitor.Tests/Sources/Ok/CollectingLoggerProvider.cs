using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>Routes every category to one <see cref="CollectingLogger"/>, so a test sees all the OK reader logged.</summary>
internal sealed class CollectingLoggerProvider(CollectingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
