using Mcu.Monitor.Spikes;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>
/// Runs the detector over a synthetic flow as the worker does: a check every step from the end of the first
/// baseline to the end of the flow, each seeing only the posts published so far, the bursts carried over.
/// </summary>
public static class SpikeReplay
{
    public sealed record Alert(DateTimeOffset CheckedAt, SpikeBurst Burst);

    public static DateTimeOffset FirstCheck(SpikeOptions options) => SyntheticFlow.Start + options.Baseline + options.Window;

    public static int Checks(SyntheticFlow flow, SpikeOptions options) => (int)((flow.End - FirstCheck(options)).Ticks / options.Step.Ticks) + 1;

    public static IReadOnlyList<Alert> Run(SyntheticFlow flow, SpikeOptions options)
    {
        var detector = new SpikeDetector(options);
        var buckets = flow.Buckets(options.Step);
        IReadOnlyDictionary<SpikePair, SpikeBurstState> state = new Dictionary<SpikePair, SpikeBurstState>();
        var alerts = new List<Alert>();
        for (var now = FirstCheck(options); now <= flow.End; now += options.Step)
        {
            var seen = (int)((now - SyntheticFlow.Start).Ticks / options.Step.Ticks); // buckets wholly in the past
            var series = buckets.Select(b => new SpikeSeries(b.Key, SyntheticFlow.Start, new ArraySegment<int>(b.Value, 0, seen)));
            var detection = detector.Detect(series, state, now);
            alerts.AddRange(detection.NewBursts.Select(b => new Alert(now, b)));
            state = detection.State;
        }

        return alerts;
    }

    /// <summary>Whether a burst of <paramref name="size"/> posts over <paramref name="span"/> from <paramref name="at"/>, added to the pair's flow, alerts within two hours.</summary>
    public static bool Detects(SpikeDetector detector, int[] flow, SpikePair pair, DateTimeOffset at, int size, TimeSpan span)
    {
        var step = detector.Options.Step;
        var counts = (int[])flow.Clone();
        for (var i = 0; i < size; i++)
        {
            counts[(int)((at + (span * i / size) - SyntheticFlow.Start).Ticks / step.Ticks)]++;
        }

        var series = new SpikeSeries(pair, SyntheticFlow.Start, counts);
        for (var now = SpikeDetector.AlignDown(at, step) + step; now <= at + TimeSpan.FromHours(2); now += step)
        {
            // Without a known burst before it: whether this burst, on its own, crosses the threshold.
            if (detector.Detect([series], new Dictionary<SpikePair, SpikeBurstState>(), now).NewBursts.Any(b => b.Window.End > at))
            {
                return true;
            }
        }

        return false;
    }
}
