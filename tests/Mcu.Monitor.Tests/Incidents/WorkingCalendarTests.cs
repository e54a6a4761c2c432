using Mcu.Monitor.Incidents;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Incidents;

public class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>The shipped calendar.json: 09:00–18:00 with lunch 13:00–14:00, Saturday and Sunday off, the 2026 holidays.</summary>
    private static readonly WorkingCalendar Shipped = new(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), Moscow);

    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3));

    [Fact]
    public void AddWorkingTime_AcrossAWeekend_ContinuesOnMonday() =>
        // Friday 20 November 16:00: two hours that day, two more from Monday 09:00
        Assert.Equal(Msk(11, 23, 11), Shipped.AddWorkingTime(Msk(11, 20, 16), TimeSpan.FromHours(4)));

    [Fact]
    public void AddWorkingTime_AcrossAPublicHoliday_SkipsIt() =>
        // Tuesday 3 November 17:00: one hour; 4 November (Unity Day) is off; three more on Thursday
        Assert.Equal(Msk(11, 5, 12), Shipped.AddWorkingTime(Msk(11, 3, 17), TimeSpan.FromHours(4)));

    [Fact]
    public void AddWorkingTime_AcrossLunch_SkipsTheBreak() =>
        Assert.Equal(Msk(11, 23, 14, 30), Shipped.AddWorkingTime(Msk(11, 23, 12, 30), TimeSpan.FromHours(1)));

    [Fact]
    public void AddWorkingTime_StartedAtNight_StartsAtTheNextWorkingMoment() =>
        Assert.Equal(Msk(11, 23, 10), Shipped.AddWorkingTime(Msk(11, 23, 2), TimeSpan.FromHours(1)));

    [Fact]
    public void AddWorkingTime_NewYearHolidaysAndTheTransferredDay_FirstWorkingDayIsTheTwelfth() =>
        // 1–8 January are holidays, 9 January is the day off moved from 3 January, 10–11 are a weekend
        Assert.Equal(Msk(1, 12, 10), Shipped.AddWorkingTime(new DateTimeOffset(2025, 12, 31, 20, 0, 0, TimeSpan.FromHours(3)), TimeSpan.FromHours(1)));

    [Fact]
    public void AddWorkingTime_StartGivenInUtc_CountsInTheMunicipalityTimeZone() =>
        // 06:00 UTC is 09:00 in Moscow: eight working hours end at 18:00 Moscow, 15:00 UTC
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), Shipped.AddWorkingTime(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(8)));

    [Fact]
    public void AddWorkingTime_TwentyFourWorkingHours_AreThreeWorkingDays() =>
        Assert.Equal(Msk(11, 25, 18), Shipped.AddWorkingTime(Msk(11, 23, 9), TimeSpan.FromHours(24)));

    [Fact]
    public void AddWorkingTime_SaturdayMadeAWorkingDay_Counts()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarOptions { WorkingWeekends = ["2026-11-21"] }, Moscow);
        Assert.Equal(Msk(11, 21, 10), calendar.AddWorkingTime(Msk(11, 20, 18), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_NoWorkingDayAtAll_FailsClearlyInsteadOfLooping()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarOptions { Weekends = [.. Enum.GetNames<DayOfWeek>()] }, Moscow);
        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingTime(Msk(11, 20, 10), TimeSpan.FromHours(1)));
    }
}
