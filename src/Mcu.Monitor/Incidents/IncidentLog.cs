using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Incidents;

internal static partial class IncidentLog
{
    [LoggerMessage(6000, LogLevel.Information, "Queued {Kind} for incident {IncidentId} (level {Level}) to {Recipient}")]
    public static partial void StepQueued(ILogger logger, string kind, long incidentId, int level, string recipient);

    [LoggerMessage(6001, LogLevel.Warning, "Deadline check failed; it runs again at the next interval")]
    public static partial void CheckFailed(ILogger logger, Exception exception);
}
