using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>The note's wording: Russian numbers, changes with ▲/▼, dates, excerpts of posts.</summary>
public static class WeeklyNoteText
{
    /// <summary>An excerpt is at most this many characters, the ellipsis included.</summary>
    public const int ExcerptLength = 200;

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static readonly string[] Months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>
    /// The start of a post's text on one line, at most <see cref="ExcerptLength"/> characters: whitespace runs become
    /// one space, and a longer text is cut at the last word boundary that fits, with «…».
    /// </summary>
    public static string Excerpt(string text, int length = ExcerptLength)
    {
        var flat = string.Join(' ', Printable(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat[..(length - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > length / 2)
        {
            cut = cut[..space];
        }

        // Never leave half of a surrogate pair at the end.
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-', '—') + "…";
    }

    /// <summary>The value as the note shows it: a count, a percentage, or hours with one decimal; «—» when unknown.</summary>
    public static string Value(FigureKind kind, double? value) => value is not { } v ? "—" : kind switch
    {
        FigureKind.Share => Percent(v),
        FigureKind.Hours => v.ToString("0.0", Russian),
        _ => v.ToString("0", Russian),
    };

    /// <summary>
    /// The change against last week: <c>▲ +12 %</c>, <c>▼ −5 %</c> (counts, hours: in per cent of last week's),
    /// <c>▲ +4 п.п.</c> (shares: in percentage points), <c>= 0 %</c> for none; <c>новое</c> when last week had none (hours: <c>▲ +1,5 ч</c>),
    /// <c>—</c> when either week is unknown.
    /// </summary>
    public static string Change(HeadlineFigure figure)
    {
        if (figure.Delta is not { } delta)
        {
            return "—";
        }

        if (figure.Kind == FigureKind.Share)
        {
            var points = Math.Round(delta * 100, 0, MidpointRounding.AwayFromZero);
            return $"{Arrow(points)} {Signed(points)} п.п.";
        }

        if (figure.PercentChange is not { } percent)
        {
            // Last week's value was zero: a count "appears"; hours change by so many hours.
            return figure.Kind == FigureKind.Hours ? $"{Arrow(delta)} {Signed(delta, "0.0")} ч" : delta > 0 ? "▲ новое" : "= 0 %";
        }

        var rounded = Math.Round(percent, 0, MidpointRounding.AwayFromZero);
        return $"{Arrow(delta)} {Signed(rounded)} %";
    }

    /// <summary>A count's change: <c>▲ +3</c>, <c>▼ −2</c>, <c>= 0</c>.</summary>
    public static string CountChange(int current, int previous) => $"{Arrow(current - previous)} {Signed(current - previous)}";

    public static string Percent(double share) => (share * 100).ToString("0", Russian) + " %";

    /// <summary>«23–29 ноября 2026 г.» (or across months and years).</summary>
    public static string Days(ReportPeriod period, TimeZoneInfo zone)
    {
        var first = ReportPeriod.LocalDay(period.From, zone);
        var last = ReportPeriod.LocalDay(period.To, zone).AddDays(-1);
        return first.Year != last.Year ? $"{DayMonth(first)} {first.Year} г. – {DayMonth(last)} {last.Year} г."
            : first.Month != last.Month ? $"{DayMonth(first)} – {DayMonth(last)} {last.Year} г."
            : $"{first.Day}–{last.Day} {Months[last.Month - 1]} {last.Year} г.";
    }

    /// <summary>Local date and time: «01.12.2026 12:00».</summary>
    public static string Moment(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Appeals «12 обращений», with the Russian plural.</summary>
    public static string Plural(int n, string one, string few, string many)
    {
        var (tens, units) = (n % 100, n % 10);
        var word = tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
        return string.Create(Russian, $"{n} {word}");
    }

    /// <summary>Cuts a stored value for a table cell.</summary>
    public static string Cell(string? value, int length = 80)
    {
        if (value is null)
        {
            return "";
        }

        var flat = Printable(value);
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }

    /// <summary>Control characters (not allowed in XML, meaningless in a note) become spaces.</summary>
    public static string Printable(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    private static string DayMonth(DateOnly day) => $"{day.Day} {Months[day.Month - 1]}";

    private static string Arrow(double delta) => delta > 0 ? "▲" : delta < 0 ? "▼" : "=";

    private static string Signed(double value, string format = "0") =>
        value > 0 ? "+" + value.ToString(format, Russian) : value < 0 ? "−" + (-value).ToString(format, Russian) : "0";
}
