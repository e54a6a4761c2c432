namespace Mcu.Monitor.Spikes;

/// <summary>
/// Negative posts of one pair per <see cref="SpikeOptions.Step"/>: <c>Counts[i]</c> is how many were published in
/// <c>[Origin + i·Step, Origin + (i+1)·Step)</c>. Buckets outside the list count as zero.
/// </summary>
public sealed record SpikeSeries(SpikePair Pair, DateTimeOffset Origin, IReadOnlyList<int> Counts);
