using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// The working calendar deadlines are counted on (section <c>WorkingCalendar</c>): working hours in the
/// municipality's time zone (<c>Municipality:TimeZone</c>), weekends, public holidays and the government's yearly
/// transfers. Holidays and transfers are data: add each year's production calendar when it is published.
/// </summary>
public sealed class WorkingCalendarOptions
{
    public const string SectionName = "WorkingCalendar";

    /// <summary>Start of the working day, local time. Default 09:00.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan WorkdayStart { get; set; } = TimeSpan.FromHours(9);

    /// <summary>End of the working day, local time. Default 18:00.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WorkdayEnd { get; set; } = TimeSpan.FromHours(18);

    /// <summary>Start of the lunch break, or empty for none. Default 13:00.</summary>
    public TimeSpan? LunchStart { get; set; } = TimeSpan.FromHours(13);

    /// <summary>End of the lunch break. Default 14:00.</summary>
    public TimeSpan? LunchEnd { get; set; } = TimeSpan.FromHours(14);

    // Strings, not DayOfWeek/DateOnly: the configuration binder silently drops list items it cannot convert,
    // and a mistyped holiday must stop start-up (see WorkingCalendarRules), not vanish.

    /// <summary>
    /// Days off every week, as English day names. Default (when not configured) Saturday and Sunday. Null by
    /// default because the binder appends configured items to a pre-filled list instead of replacing it.
    /// </summary>
    public List<string>? Weekends { get; set; }

    public IReadOnlyList<string> EffectiveWeekends => Weekends ?? ["Saturday", "Sunday"];

    /// <summary>Non-working days: public holidays and days off moved by the yearly transfers (<c>yyyy-MM-dd</c>).</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Weekend days made working days by the yearly transfers (<c>yyyy-MM-dd</c>).</summary>
    public List<string> WorkingWeekends { get; set; } = [];

    public static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    public static bool TryParseWeekday(string value, out DayOfWeek day) =>
        Enum.TryParse(value, ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(value, out _);
}
