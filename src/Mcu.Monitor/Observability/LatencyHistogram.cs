using System.Text;

namespace Mcu.Monitor.Observability;

/// <summary>
/// A histogram of durations with fixed bucket bounds in seconds. Observing is a short scan over the bounds and two
/// atomic adds: no lock and no allocation, as it runs once per classified post.
/// </summary>
internal sealed class LatencyHistogram
{
    private readonly string _name;
    private readonly string _help;
    private readonly double[] _bounds;
    private readonly long[] _boundTicks;

    // One count per bucket, not cumulative, the last for values above every bound; the cumulative
    // counts and the total are summed from one read of these at scrape time, so +Inf always equals _count.
    private readonly long[] _counts;
    private long _sumTicks;

    public LatencyHistogram(string name, string help, IReadOnlyList<double> bounds)
    {
        _name = name;
        _help = help;
        _bounds = [.. bounds];
        if (_bounds.Length == 0 || _bounds.Zip(_bounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("bucket bounds must be given in increasing order", nameof(bounds));
        }

        _boundTicks = [.. _bounds.Select(b => (long)Math.Round(b * TimeSpan.TicksPerSecond))];
        _counts = new long[_bounds.Length + 1];
    }

    public void Observe(TimeSpan elapsed)
    {
        var ticks = Math.Max(0, elapsed.Ticks);
        var bucket = 0;
        while (bucket < _boundTicks.Length && ticks > _boundTicks[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumTicks, ticks);
    }

    public void WriteTo(StringBuilder text)
    {
        PrometheusText.Family(text, _name, "histogram", _help);
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            var le = i < _bounds.Length ? PrometheusText.Bound(_bounds[i]) : "+Inf";
            PrometheusText.Sample(text, _name + "_bucket", "le", le, cumulative);
        }

        PrometheusText.Sample(text, _name + "_sum", (double)Interlocked.Read(ref _sumTicks) / TimeSpan.TicksPerSecond);
        PrometheusText.Sample(text, _name + "_count", cumulative);
    }
}
