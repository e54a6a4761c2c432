namespace Mcu.Monitor.Incidents;

/// <summary>
/// Counts working time: <see cref="AddWorkingTime"/> gives the moment a given amount of working time after a
/// start has passed, skipping nights, the lunch break, weekends and holidays, in the municipality's time zone.
/// A clock started outside working hours starts at the next working moment.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Guards against a calendar with no working time at all (then every deadline would loop forever).</summary>
    private const int MaxDaysScanned = 3660;

    private readonly WorkingCalendarOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekends;
    private readonly HashSet<DayOfWeek> _weekends;

    public WorkingCalendar(WorkingCalendarOptions options, TimeZoneInfo zone)
    {
        _options = options;
        _zone = zone;
        _holidays = [.. options.Holidays.Select(Day)];
        _workingWeekends = [.. options.WorkingWeekends.Select(Day)];
        _weekends = [.. options.EffectiveWeekends.Select(Weekday)];
    }

    public bool IsWorkingDay(DateOnly day) =>
        !_holidays.Contains(day) && (_workingWeekends.Contains(day) || !_weekends.Contains(day.DayOfWeek));

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        var local = TimeZoneInfo.ConvertTime(start, _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = local.TimeOfDay;
        var remaining = duration;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1), timeOfDay = TimeSpan.Zero)
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (from, to) in Periods())
            {
                var begin = timeOfDay > from ? timeOfDay : from;
                if (begin >= to)
                {
                    continue;
                }

                var available = to - begin;
                if (remaining <= available)
                {
                    return ToInstant(day, begin + remaining);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("The working calendar has no working time in ten years: check WorkingCalendar settings.");
    }

    /// <summary>
    /// The working time between two instants: the inverse of <see cref="AddWorkingTime"/> (for a start inside working
    /// hours, <c>WorkingTimeBetween(a, AddWorkingTime(a, d)) == d</c>). Nights, the lunch break, weekends and holidays
    /// count nothing; zero when <paramref name="end"/> is not after <paramref name="start"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            return TimeSpan.Zero;
        }

        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, _zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, _zone).DateTime);
        var total = TimeSpan.Zero;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (from, to) in Periods())
            {
                var begin = ToInstant(day, from);
                var finish = ToInstant(day, to);
                var overlapStart = begin > start ? begin : start;
                var overlapEnd = finish < end ? finish : end;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>The working periods of a working day: the day, minus the lunch break when it lies inside it.</summary>
    private IEnumerable<(TimeSpan From, TimeSpan To)> Periods()
    {
        var (start, end) = (_options.WorkdayStart, _options.WorkdayEnd);
        if (_options.LunchStart is { } lunchStart && _options.LunchEnd is { } lunchEnd && start < lunchStart && lunchStart < lunchEnd && lunchEnd < end)
        {
            yield return (start, lunchStart);
            yield return (lunchEnd, end);
        }
        else
        {
            yield return (start, end);
        }
    }

    private static DateOnly Day(string value) => WorkingCalendarOptions.TryParseDay(value, out var day)
        ? day
        : throw new ArgumentException($"'{value}' is not a yyyy-MM-dd date", nameof(value));

    private static DayOfWeek Weekday(string value) => WorkingCalendarOptions.TryParseWeekday(value, out var day)
        ? day
        : throw new ArgumentException($"'{value}' is not a day of the week", nameof(value));

    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
