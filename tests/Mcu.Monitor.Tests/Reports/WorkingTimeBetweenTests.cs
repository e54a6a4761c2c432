using Mcu.Monitor.Incidents;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Reports;

/// <summary><see cref="WorkingCalendar.WorkingTimeBetween"/> on the shipped calendar (09:00–18:00, lunch 13–14, Moscow, 2026 holidays).</summary>
public class WorkingTimeBetweenTests
{
    private static readonly WorkingCalendar Shipped = new(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), ReportSeed.Moscow);

    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) => ReportSeed.Msk(month, day, hour, minute);

    [Fact]
    public void WorkingTimeBetween_AcrossAWeekend_CountsFridayAndMondayOnly() =>
        // Friday 20 November 16:00 → Monday 23 November 11:00: 2 h + 2 h
        Assert.Equal(TimeSpan.FromHours(4), Shipped.WorkingTimeBetween(Msk(11, 20, 16), Msk(11, 23, 11)));

    [Fact]
    public void WorkingTimeBetween_AcrossLunch_SkipsTheBreak() =>
        Assert.Equal(TimeSpan.FromHours(1), Shipped.WorkingTimeBetween(Msk(11, 23, 12, 30), Msk(11, 23, 14, 30)));

    [Fact]
    public void WorkingTimeBetween_AcrossUnityDay_SkipsTheHoliday() =>
        // Tuesday 3 November 17:00 → Thursday 5 November 12:00: 1 h, 4 November off, 3 h
        Assert.Equal(TimeSpan.FromHours(4), Shipped.WorkingTimeBetween(Msk(11, 3, 17), Msk(11, 5, 12)));

    [Fact]
    public void WorkingTimeBetween_NightAndWeekendOnly_Zero()
    {
        Assert.Equal(TimeSpan.Zero, Shipped.WorkingTimeBetween(Msk(11, 20, 19), Msk(11, 23, 8)));
        Assert.Equal(TimeSpan.Zero, Shipped.WorkingTimeBetween(Msk(11, 23, 12), Msk(11, 23, 11)));
    }

    [Fact]
    public void WorkingTimeBetween_GivenInUtc_CountsInMoscow() =>
        // 06:00–10:00 UTC is 09:00–13:00 Moscow
        Assert.Equal(TimeSpan.FromHours(4), Shipped.WorkingTimeBetween(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(24)]
    [InlineData(56)]
    public void WorkingTimeBetween_IsTheInverseOfAddWorkingTime(int hours)
    {
        var start = Msk(11, 20, 15, 20);
        Assert.Equal(TimeSpan.FromHours(hours), Shipped.WorkingTimeBetween(start, Shipped.AddWorkingTime(start, TimeSpan.FromHours(hours))));
    }
}
