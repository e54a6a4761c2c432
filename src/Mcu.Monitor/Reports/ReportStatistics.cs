namespace Mcu.Monitor.Reports;

/// <summary>
/// The order statistics of the reports, fixed so every number can be checked by hand: the median is the middle value
/// of the sorted values (the mean of the two middle ones for an even count); the 90th percentile is by nearest rank —
/// the value at position ⌈0.9·n⌉ (1-based) of the sorted values, so it is always an observed value.
/// </summary>
public static class ReportStatistics
{
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest-rank percentile, <paramref name="percent"/> in (0, 100].</summary>
    public static double? Percentile(IEnumerable<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary><paramref name="part"/>/<paramref name="whole"/>, or null when there is nothing to divide.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
