using Mcu.Monitor.Reports;

namespace Mcu.Monitor.Tests.Reports;

public class ReportStatisticsTests
{
    [Fact]
    public void Median_OddAndEvenCounts_MiddleOrMeanOfTheTwoMiddle()
    {
        Assert.Equal(3.0, ReportStatistics.Median([5, 1, 3]));
        Assert.Equal(2.5, ReportStatistics.Median([4, 1, 2, 3]));
        Assert.Null(ReportStatistics.Median([]));
    }

    [Fact]
    public void Percentile_NearestRank_AlwaysAnObservedValue()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(9.0, ReportStatistics.Percentile(ten, 90));        // ⌈9⌉ = 9th
        Assert.Equal(10.0, ReportStatistics.Percentile([.. ten, 11], 90)); // ⌈9.9⌉ = 10th
        Assert.Equal(7.0, ReportStatistics.Percentile([7], 90));
        Assert.Null(ReportStatistics.Percentile([], 90));
    }
}
