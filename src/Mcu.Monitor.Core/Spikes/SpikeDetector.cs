using System.Globalization;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Decides bursts of negative posts per sector × locality. Pure and deterministic: the same counts, known bursts
/// and clock give the same decision.
/// <para>
/// <b>The statistic.</b> A window of <see cref="SpikeOptions.Window"/> is compared with the pair's own
/// <see cref="SpikeOptions.Baseline"/> just before it, cut into windows of the same length. Their counts are
/// winsorized at the 99th percentile (so a past burst neither raises the usual level nor hides the next one), and
/// give a mean μ (floored at <see cref="SpikeOptions.MinBaselineRate"/> for sparse pairs) and a variance σ² (never
/// below μ). The window is elevated when its count is at least <see cref="SpikeOptions.MinCount"/> and the upper
/// tail P(X ≥ count) is below <see cref="SpikeOptions.MaxPValue"/>, X being Poisson(μ) or, when the baseline is
/// overdispersed, negative binomial with the same μ and σ². Why this and not mean + k·sd: counts of a few posts an
/// hour are far from normal, so k·sd either floods quiet pairs or misses bursts in busy ones; and a plain Poisson
/// with the mean hourly rate ignores the day's rhythm (nights are empty, mornings busy) and threads of comments
/// arriving together — the measured variance carries both, with no calendar of hours to configure.
/// </para>
/// <para>
/// <b>A burst.</b> Windows end on every multiple of <see cref="SpikeOptions.Step"/> (UTC), so they slide. A burst
/// starts at its first elevated window and holds every elevated window of the pair until the pair has gone
/// <see cref="SpikeOptions.CooldownAfterBurst"/> without one; only then can a new burst (a new alert) start. Its
/// key names the pair and the first window, so re-reading windows (late posts, a second worker) never alerts twice.
/// </para>
/// </summary>
public sealed class SpikeDetector
{
    /// <summary>Baseline windows above this quantile are cut down to it.</summary>
    private const double WinsorQuantile = 0.99;

    private readonly SpikeOptions _options;
    private readonly int _windowSteps;
    private readonly int _baselineWindows;

    public SpikeDetector(SpikeOptions options)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _windowSteps = (int)(options.Window.Ticks / options.Step.Ticks);
        _baselineWindows = (int)(options.Baseline.Ticks / options.Window.Ticks);
    }

    public SpikeOptions Options => _options;

    /// <summary>How many windows each check reads: the one ending at the latest step, and those of the lookback before it.</summary>
    public int WindowsPerCheck => Math.Max(1, (int)(_options.Lookback.Ticks / _options.Step.Ticks));

    /// <summary>The end of the latest whole window at <paramref name="now"/>: <paramref name="now"/> rounded down to the step.</summary>
    public DateTimeOffset LatestWindowEnd(DateTimeOffset now) => AlignDown(now, _options.Step);

    /// <summary>The first moment a check at <paramref name="now"/> needs counts from (the earliest window's baseline).</summary>
    public DateTimeOffset SeriesStart(DateTimeOffset now) =>
        LatestWindowEnd(now) - (_options.Step * (WindowsPerCheck - 1)) - _options.Window - _options.Baseline;

    /// <summary>The windows a check at <paramref name="now"/> weighs, oldest first, by their end.</summary>
    public IReadOnlyList<DateTimeOffset> WindowEnds(DateTimeOffset now)
    {
        var last = LatestWindowEnd(now);
        return [.. Enumerable.Range(0, WindowsPerCheck).Select(i => last - (_options.Step * (WindowsPerCheck - 1 - i)))];
    }

    /// <summary>
    /// Weighs the windows of a check at <paramref name="now"/> for every pair, against the pairs' latest known bursts.
    /// </summary>
    public SpikeDetection Detect(IEnumerable<SpikeSeries> series, IReadOnlyDictionary<SpikePair, SpikeBurstState> known, DateTimeOffset now)
    {
        var state = new Dictionary<SpikePair, SpikeBurstState>(known);
        var bursts = new List<SpikeBurst>();
        var continued = new List<SpikeContinuation>();
        var ends = WindowEnds(now);
        foreach (var pairSeries in series.OrderBy(s => s.Pair.Sector, StringComparer.Ordinal).ThenBy(s => s.Pair.LocalityId, StringComparer.Ordinal))
        {
            foreach (var end in ends)
            {
                var window = Evaluate(pairSeries, end);
                if (!window.Elevated)
                {
                    continue;
                }

                if (state.TryGetValue(pairSeries.Pair, out var last) && end - last.LastElevatedEnd < _options.CooldownAfterBurst)
                {
                    state[pairSeries.Pair] = last with { LastElevatedEnd = end > last.LastElevatedEnd ? end : last.LastElevatedEnd };
                    continued.Add(new SpikeContinuation(pairSeries.Pair, last.IdempotencyKey, window));
                    continue;
                }

                var key = KeyOf(pairSeries.Pair, window.Start);
                state[pairSeries.Pair] = new SpikeBurstState(pairSeries.Pair, key, window.Start, end);
                bursts.Add(new SpikeBurst(pairSeries.Pair, key, window));
            }
        }

        return new SpikeDetection(bursts, continued, state);
    }

    /// <summary>Weighs the window of <paramref name="series"/> that ends at <paramref name="end"/> (a multiple of the step).</summary>
    public SpikeWindow Evaluate(SpikeSeries series, DateTimeOffset end)
    {
        var endIndex = (int)((end - series.Origin).Ticks / _options.Step.Ticks);
        var count = Sum(series.Counts, endIndex - _windowSteps, endIndex);

        var baseline = new double[_baselineWindows];
        for (var j = 0; j < _baselineWindows; j++)
        {
            var to = endIndex - _windowSteps - (j * _windowSteps);
            baseline[j] = Sum(series.Counts, to - _windowSteps, to);
        }

        var (mean, variance) = WinsorizedMoments(baseline);
        var tail = new CountTail(Math.Max(mean, _options.MinBaselineRate), variance);
        return new SpikeWindow(end - _options.Window, end, count, mean, variance,
            tail.Threshold(_options.MinCount, _options.MaxPValue), tail.AtLeast(count));
    }

    /// <summary>The burst's key: pair and first window, e.g. <c>spike:zhkh:ilovka:20261120T0700Z</c>.</summary>
    public static string KeyOf(SpikePair pair, DateTimeOffset firstWindowStart) =>
        string.Create(CultureInfo.InvariantCulture, $"spike:{pair.Sector}:{pair.LocalityId ?? "-"}:{firstWindowStart.UtcDateTime:yyyyMMdd'T'HHmm'Z'}");

    /// <summary>Rounds down to a multiple of <paramref name="step"/> counted from the Unix epoch (UTC).</summary>
    public static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan step)
    {
        var ticks = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / step.Ticks * step.Ticks;
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + ticks, TimeSpan.Zero);
    }

    private static int Sum(IReadOnlyList<int> counts, int from, int to)
    {
        var sum = 0;
        for (var i = Math.Max(0, from); i < Math.Min(to, counts.Count); i++)
        {
            sum += counts[i];
        }

        return sum;
    }

    private static (double Mean, double Variance) WinsorizedMoments(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var cap = sorted[Math.Clamp((int)Math.Ceiling(WinsorQuantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        var mean = values.Sum(v => Math.Min(v, cap)) / values.Length;
        var variance = values.Length < 2 ? mean : values.Sum(v => Math.Pow(Math.Min(v, cap) - mean, 2)) / (values.Length - 1);
        return (mean, variance);
    }
}
