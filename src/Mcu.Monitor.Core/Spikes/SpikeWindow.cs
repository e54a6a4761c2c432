namespace Mcu.Monitor.Spikes;

/// <summary>
/// One window of a pair weighed against its baseline: the count, the usual count per window (winsorized mean, before
/// the <see cref="SpikeOptions.MinBaselineRate"/> floor) and its variance, the least count that is a burst, and the
/// probability of at least <see cref="Count"/> under the baseline.
/// </summary>
public sealed record SpikeWindow(
    DateTimeOffset Start,
    DateTimeOffset End,
    int Count,
    double Baseline,
    double Variance,
    int Threshold,
    double PValue)
{
    /// <summary>At least <see cref="SpikeOptions.MinCount"/> and improbable under the baseline.</summary>
    public bool Elevated => Count >= Threshold;
}
