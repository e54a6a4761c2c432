using Mcu.Monitor.Reports;

namespace Mcu.Monitor.Tests.Reports;

public class ReportPeriodTests
{
    private static readonly TimeZoneInfo Moscow = ReportSeed.Moscow;

    [Fact]
    public void TryParse_IsoWeek_MondayToMondayInMoscow()
    {
        Assert.True(ReportPeriod.TryParse("2026-W48", Moscow, out var week));
        Assert.Equal((ReportPeriodKind.Week, "2026-W48"), (week.Kind, week.Label));
        Assert.Equal(ReportSeed.Msk(11, 23, 0), week.From);
        Assert.Equal(ReportSeed.Msk(11, 30, 0), week.To);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero), week.From); // the local midnight is 21:00 UTC
        Assert.Equal(1.0, week.Weeks);
    }

    [Fact]
    public void TryParse_MonthAndYear()
    {
        Assert.True(ReportPeriod.TryParse("2026-11", Moscow, out var month));
        Assert.Equal((ReportSeed.Msk(11, 1, 0), ReportSeed.Msk(12, 1, 0), ReportPeriodKind.Month), (month.From, month.To, month.Kind));
        Assert.True(ReportPeriod.TryParse("2026", Moscow, out var year));
        Assert.Equal((ReportSeed.Msk(1, 1, 0), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(3))), (year.From, year.To));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("26-11")]
    [InlineData("ноябрь")]
    [InlineData("")]
    public void TryParse_Nonsense_False(string text) => Assert.False(ReportPeriod.TryParse(text, Moscow, out _));

    [Fact]
    public void LastComplete_FromAWednesdayInDecember_PreviousWeekMonthAndYear()
    {
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(3)); // Wednesday
        Assert.Equal("2026-W48", ReportPeriod.LastCompleteWeek(now, Moscow).Label);
        Assert.Equal("2026-11", ReportPeriod.LastCompleteMonth(now, Moscow).Label);
        Assert.Equal("2025", ReportPeriod.LastCompleteYear(now, Moscow).Label);
    }

    [Fact]
    public void LastCompleteWeek_JustAfterMidnightMondayMoscow_IsTheWeekThatJustEnded()
    {
        // 21:30 UTC on Sunday 29 November is 00:30 on Monday 30 November in Moscow: week 48 has just ended.
        var now = new DateTimeOffset(2026, 11, 29, 21, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-W48", ReportPeriod.LastCompleteWeek(now, Moscow).Label);
        // 2026 begins on a Thursday, so it has 53 ISO weeks: Monday 4 January 2027 follows week 2026-W53 (28 Dec – 3 Jan).
        Assert.Equal("2026-W53", ReportPeriod.LastCompleteWeek(new DateTimeOffset(2027, 1, 4, 12, 0, 0, TimeSpan.FromHours(3)), Moscow).Label);
    }

    [Fact]
    public void Days_BothEndsInclusive()
    {
        var days = ReportPeriod.Days(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25), Moscow);
        Assert.Equal((ReportSeed.Msk(11, 23, 0), ReportSeed.Msk(11, 26, 0), "2026-11-23..2026-11-25"), (days.From, days.To, days.Label));
        Assert.Throws<ArgumentException>(() => ReportPeriod.Days(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 23), Moscow));
    }
}
