using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Looks for information-risk spikes: counts negative posts per sector × locality and step over the baseline (one
/// query), lets <see cref="SpikeDetector"/> decide against each pair's latest stored burst, and stores every new
/// burst once (its key is UNIQUE) with the posts behind it, waiting for <see cref="SpikeNotifier"/> to deliver it.
/// Running it again, or from a second worker, adds nothing for a burst already stored.
/// </summary>
public sealed class SpikeWatcher(
    SqliteSpikeStore store, SpikeDetector detector, IOptions<SpikeOptions> options, TimeProvider time, ILogger<SpikeWatcher> logger)
{
    /// <summary>Stores the bursts that are new now; returns how many.</summary>
    public int Check()
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var risks = o.CountedRisks();
        var from = detector.SeriesStart(now);
        var series = store.LoadSeries(from, detector.LatestWindowEnd(now), o.Step, risks);
        var known = store.LoadRecentBursts(detector.WindowEnds(now)[0] - o.CooldownAfterBurst);
        var detection = detector.Detect(series, known, now);
        if (detection.NewBursts.Count == 0 && detection.Continued.Count == 0)
        {
            return 0;
        }

        var stored = store.Save(detection, o.Recipient, risks, now);
        foreach (var burst in stored)
        {
            SpikeLog.Detected(logger, burst.IdempotencyKey, burst.Pair.ToString(), burst.Window.Count, burst.Window.Start, burst.Window.Baseline, burst.Window.Threshold);
        }

        return stored.Count;
    }
}
