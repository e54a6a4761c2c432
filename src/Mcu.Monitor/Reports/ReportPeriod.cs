using System.Globalization;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Reports;

/// <summary>
/// A reporting period: the instants [<see cref="From"/>, <see cref="To"/>) — from local midnight of the first day to
/// local midnight after the last, in the municipality's time zone. A post or incident belongs to the period when its
/// publication or opening instant does.
/// </summary>
public sealed partial record ReportPeriod(ReportPeriodKind Kind, DateTimeOffset From, DateTimeOffset To, string Label)
{
    /// <summary>The period's length in weeks (a month of 30 days is 30/7), for "posts per week".</summary>
    public double Weeks => (To - From).TotalDays / 7;

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>Whole local days <paramref name="first"/>..<paramref name="last"/> inclusive.</summary>
    public static ReportPeriod Days(DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        if (last < first)
        {
            throw new ArgumentException($"The period ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd})", nameof(last));
        }

        return new(ReportPeriodKind.Days, Midnight(first, zone), Midnight(last.AddDays(1), zone),
            string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}"));
    }

    /// <summary>ISO week <paramref name="week"/> of ISO year <paramref name="isoYear"/>: Monday 00:00 to the next Monday 00:00.</summary>
    public static ReportPeriod Week(int isoYear, int week, TimeZoneInfo zone)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new(ReportPeriodKind.Week, Midnight(monday, zone), Midnight(monday.AddDays(7), zone),
            string.Create(CultureInfo.InvariantCulture, $"{isoYear:D4}-W{week:D2}"));
    }

    public static ReportPeriod Month(int year, int month, TimeZoneInfo zone)
    {
        var first = new DateOnly(year, month, 1);
        return new(ReportPeriodKind.Month, Midnight(first, zone), Midnight(first.AddMonths(1), zone),
            string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"));
    }

    public static ReportPeriod Year(int year, TimeZoneInfo zone) =>
        new(ReportPeriodKind.Year, Midnight(new DateOnly(year, 1, 1), zone), Midnight(new DateOnly(year + 1, 1, 1), zone),
            year.ToString("D4", CultureInfo.InvariantCulture));

    /// <summary>The last ISO week that has ended by <paramref name="now"/> (on Monday, the week before).</summary>
    public static ReportPeriod LastCompleteWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var lastWeekDay = LocalDay(now, zone).AddDays(-7);
        var date = lastWeekDay.ToDateTime(TimeOnly.MinValue);
        return Week(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), zone);
    }

    /// <summary>The last calendar month that has ended by <paramref name="now"/>.</summary>
    public static ReportPeriod LastCompleteMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var previous = LocalDay(now, zone).AddMonths(-1);
        return Month(previous.Year, previous.Month, zone);
    }

    /// <summary>The last calendar year that has ended by <paramref name="now"/>.</summary>
    public static ReportPeriod LastCompleteYear(DateTimeOffset now, TimeZoneInfo zone) => Year(LocalDay(now, zone).Year - 1, zone);

    /// <summary>Parses <c>2026-W48</c> (ISO week), <c>2026-11</c> (month) or <c>2026</c> (year).</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out ReportPeriod period)
    {
        period = null!;
        if (text is null)
        {
            return false;
        }

        var match = PeriodPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2999)
        {
            return false;
        }

        if (match.Groups["week"].Success)
        {
            var week = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                return false;
            }

            period = Week(year, week, zone);
            return true;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = Month(year, month, zone);
            return true;
        }

        period = Year(year, zone);
        return true;
    }

    /// <summary>The local calendar day of an instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Local midnight starting <paramref name="day"/>, as an instant.</summary>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public override string ToString() => Label;

    [GeneratedRegex(@"^(?<year>\d{4})(?:-W(?<week>\d{2})|-(?<month>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
