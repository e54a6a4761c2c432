using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Storage;

/// <summary>Storage log events, ids 1200–1299.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(1200, LogLevel.Information, "Retention: erased the texts of {Count} posts older than {Retention}")]
    public static partial void TextsErased(ILogger logger, int count, TimeSpan retention);
}
