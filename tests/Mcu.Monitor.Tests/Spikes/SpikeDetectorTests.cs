using Mcu.Monitor.Spikes;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>The statistic and the burst rules on small hand-made series.</summary>
public sealed class SpikeDetectorTests
{
    private static readonly SpikePair Ilovka = new("zhkh", "ilovka");
    private static readonly DateTimeOffset Origin = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CountTail_VarianceAtMostTheMean_IsPoisson()
    {
        var tail = new CountTail(1.0, 0.5);

        Assert.Equal(1.0, tail.Variance); // never tighter than Poisson
        Assert.Equal(1 - (Math.Exp(-1) * 2.5), tail.AtLeast(3), 12);
        Assert.Equal(1.0, tail.AtLeast(0));
        Assert.InRange(tail.AtLeast(30), 0, 1e-30);
    }

    [Fact]
    public void CountTail_Overdispersed_IsNegativeBinomialWithTheSameMoments()
    {
        var tail = new CountTail(2.0, 4.0); // r = 2, p = 1/2

        Assert.Equal(1 - 0.25, tail.AtLeast(1), 12);
        Assert.Equal(1 - 0.25 - 0.25, tail.AtLeast(2), 12); // P(1) = r·p^r·(1−p) = 0.25
        Assert.True(tail.AtLeast(10) > new CountTail(2.0, 2.0).AtLeast(10)); // a fatter tail than Poisson
    }

    [Fact]
    public void Threshold_SparsePair_IsMinCount_BusyPair_IsHigher()
    {
        Assert.Equal(5, new CountTail(0.05, 0.05).Threshold(5, 1e-4));
        Assert.Equal(7, new CountTail(1.0, 1.0).Threshold(5, 1e-4)); // P(X ≥ 6 | 1) = 5.9e-4, P(X ≥ 7) = 8.3e-5
    }

    [Fact]
    public void Evaluate_SilentBaselineThenFivePostsInAnHour_IsElevated()
    {
        var detector = new SpikeDetector(new SpikeOptions());
        var end = Origin + TimeSpan.FromDays(15);
        var counts = Series(end, (end.AddMinutes(-40), 3), (end.AddMinutes(-20), 2));

        var window = detector.Evaluate(new SpikeSeries(Ilovka, Origin, counts), end);

        Assert.Equal((5, 5, 0.0), (window.Count, window.Threshold, window.Baseline));
        Assert.True(window.Elevated);
        Assert.Equal(end.AddHours(-1), window.Start);
        Assert.False(detector.Evaluate(new SpikeSeries(Ilovka, Origin, Series(end, (end.AddMinutes(-40), 4))), end).Elevated); // below MinCount
    }

    [Fact]
    public void Evaluate_PastBurstInTheBaseline_DoesNotHideTheNextOne()
    {
        var detector = new SpikeDetector(new SpikeOptions());
        var end = Origin + TimeSpan.FromDays(15);
        var counts = Series(end, (end.AddDays(-3), 20), (end.AddMinutes(-30), 6));

        var window = detector.Evaluate(new SpikeSeries(Ilovka, Origin, counts), end);

        Assert.True(window.Elevated, $"threshold {window.Threshold}, p {window.PValue}");
        Assert.Equal(0.0, window.Baseline); // the past burst's window is winsorized away
    }

    [Fact]
    public void Detect_BurstOverSeveralWindows_OneKeyFromItsFirstWindow()
    {
        var detector = new SpikeDetector(new SpikeOptions());
        var burst = Origin + TimeSpan.FromDays(15) + TimeSpan.FromMinutes(10); // 00:10 … 00:50, 8 posts
        var now = burst + TimeSpan.FromMinutes(50);
        var counts = Series(burst.AddHours(3), [.. Enumerable.Range(0, 8).Select(i => (burst.AddMinutes(5 * i), 1))]);
        IReadOnlyDictionary<SpikePair, SpikeBurstState> state = new Dictionary<SpikePair, SpikeBurstState>();
        var keys = new List<string>();
        var continued = 0;
        for (var at = now; at < now.AddHours(3); at += TimeSpan.FromMinutes(15))
        {
            var detection = detector.Detect([new SpikeSeries(Ilovka, Origin, counts)], state, at);
            keys.AddRange(detection.NewBursts.Select(b => b.IdempotencyKey));
            continued += detection.Continued.Count;
            state = detection.State;
        }

        // The first check (01:00) re-reads the last hour's windows; the earliest elevated one, 23:45–00:45, names the burst.
        Assert.Equal(["spike:zhkh:ilovka:20261115T2345Z"], keys);
        Assert.True(continued >= 3, $"continued {continued}");
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 1, 15, 0, TimeSpan.Zero), state[Ilovka].LastElevatedEnd); // 00:15–01:15 still holds 7
    }

    [Fact]
    public void Detect_KnownBurstWithinCooldown_ContinuesIt_AfterCooldown_StartsANewOne()
    {
        var detector = new SpikeDetector(new SpikeOptions());
        var end = Origin + TimeSpan.FromDays(15);
        var series = new SpikeSeries(Ilovka, Origin, Series(end, (end.AddMinutes(-30), 6)));
        var known = new SpikeBurstState(Ilovka, "spike:zhkh:ilovka:old", end.AddHours(-7), end.AddHours(-5));

        var within = detector.Detect([series], new Dictionary<SpikePair, SpikeBurstState> { [Ilovka] = known }, end);
        var after = detector.Detect([series], new Dictionary<SpikePair, SpikeBurstState> { [Ilovka] = known with { LastElevatedEnd = end.AddHours(-7) } }, end);

        Assert.Empty(within.NewBursts);
        Assert.All(within.Continued, c => Assert.Equal("spike:zhkh:ilovka:old", c.IdempotencyKey));
        Assert.Equal(end, within.State[Ilovka].LastElevatedEnd);
        Assert.Single(after.NewBursts);
    }

    [Fact]
    public void Options_InconsistentDurations_AreAllReported()
    {
        var problems = new SpikeOptions { Window = TimeSpan.FromMinutes(50), Step = TimeSpan.FromMinutes(15), Baseline = TimeSpan.FromMinutes(1445), CooldownAfterBurst = TimeSpan.FromMinutes(5) }.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Spikes:Step = '00:15:00'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Spikes:Baseline = '1.00:05:00': must be a whole number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Spikes:CooldownAfterBurst", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new SpikeDetector(new SpikeOptions { Step = TimeSpan.FromMinutes(7) }));
        Assert.Empty(new SpikeOptions().Problems());
    }

    /// <summary>15-minute counts from <see cref="Origin"/> up to <paramref name="end"/>, with posts at the given moments.</summary>
    private static int[] Series(DateTimeOffset end, params (DateTimeOffset At, int Count)[] posts)
    {
        var counts = new int[(int)((end - Origin).Ticks / TimeSpan.FromMinutes(15).Ticks)];
        foreach (var (at, count) in posts)
        {
            counts[(int)((at - Origin).Ticks / TimeSpan.FromMinutes(15).Ticks)] += count;
        }

        return counts;
    }
}
