using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Pipeline;

/// <summary>Pipeline log events, ids 1000–1099. Counts only: post texts are personal data.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Source {SourceId}: read {Read}, stored {Stored}, duplicates {Duplicates}, skipped {Skipped}, incidents opened {Incidents}")]
    public static partial void SourceIngested(ILogger logger, string sourceId, int read, int stored, int duplicates, int skipped, int incidents);

    [LoggerMessage(1001, LogLevel.Debug, "Source {SourceId}: committed a batch of {Items} items, {Stored} new posts, {Incidents} incidents")]
    public static partial void BatchCommitted(ILogger logger, string sourceId, int items, int stored, int incidents);
}
