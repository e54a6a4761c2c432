using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Spikes;

/// <summary>Log events of information-risk spikes, 6200–6299. Post texts are never logged.</summary>
internal static partial class SpikeLog
{
    [LoggerMessage(6200, LogLevel.Warning, "Risk spike {Key}: {Count} negative posts in {Pair} from {WindowStart} (usual {Baseline:0.##}, threshold {Threshold})")]
    public static partial void Detected(ILogger logger, string key, string pair, int count, DateTimeOffset windowStart, double baseline, int threshold);

    [LoggerMessage(6201, LogLevel.Information, "Risk spike {SpikeId} delivered to {Recipient} over {Channel}")]
    public static partial void Delivered(ILogger logger, long spikeId, string recipient, string channel);

    [LoggerMessage(6202, LogLevel.Warning, "Risk spike {SpikeId} not delivered over {Channel} (attempt {Attempts}); it is tried again later")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, long spikeId, string channel, int attempts);

    [LoggerMessage(6203, LogLevel.Error, "Risk spike check failed; it runs again at the next step")]
    public static partial void CheckFailed(ILogger logger, Exception exception);
}
