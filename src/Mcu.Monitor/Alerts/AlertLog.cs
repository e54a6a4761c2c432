using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Alerts;

/// <summary>Alert log events, ids 4000–4099. Ids only: alert texts quote posts.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(4000, LogLevel.Debug, "Alert {AlertId} for incident {IncidentId} delivered to {RecipientId} by {Channel}")]
    public static partial void Delivered(ILogger logger, long alertId, long incidentId, string recipientId, string channel);

    [LoggerMessage(4001, LogLevel.Warning, "Alert {AlertId} not delivered by {Channel} (attempt {Attempts}); it will be retried")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, long alertId, string channel, int attempts);

    [LoggerMessage(4004, LogLevel.Warning, "Alert {AlertId} was delivered but recording it failed (attempt {Attempt}); retrying")]
    public static partial void RecordRetry(ILogger logger, Exception exception, long alertId, int attempt);

    [LoggerMessage(4005, LogLevel.Error, "Alert {AlertId} was delivered but could not be recorded; it may be sent again after {Lease}")]
    public static partial void RecordFailed(ILogger logger, Exception exception, long alertId, TimeSpan lease);

    [LoggerMessage(4003, LogLevel.Error, "Operator alert {Key}: {Message}")]
    public static partial void OperatorAlert(ILogger logger, string key, string message);

    [LoggerMessage(4002, LogLevel.Error, "An alert dispatch round failed; the next round retries")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
