using System.Globalization;
using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// Makes the weekly note of an ISO week from the metrics layer (<see cref="ReportMetrics"/>, <see cref="RecipientRating"/>)
/// and <see cref="WeeklyNoteData"/>. Definitions beyond the metrics layer's:
/// <list type="bullet">
/// <item>Last week's figures are reckoned at the same moment as this week's, except "overdue", which is last week's as
/// it stood a week before the note (<see cref="ReportMetrics.Overdue"/> at <c>asOf − 7 days</c>).</item>
/// <item><b>Main problems</b>: the week's appeals grouped by sector and locality, the <see cref="TopProblems"/> largest
/// (ties: more negative first, then by sector and locality), each with up to <see cref="ExamplesPerProblem"/> examples,
/// the riskiest first, then the newest, as excerpts of at most <see cref="WeeklyNoteText.ExcerptLength"/> characters.</item>
/// <item><b>Emerging risks</b>: negative messages (risk above Low) by sector and locality, this week against last;
/// the <see cref="TopRisks"/> that grew most (ties: more this week first).</item>
/// </list>
/// </summary>
public sealed class WeeklyNoteBuilder(ReportMetrics metrics, RecipientRating rating, WeeklyNoteData data, WeeklyNoteNames names, string municipality, TimeZoneInfo zone)
{
    public const string Messages = "Сообщения жителей";
    public const string Appeals = "Обращения";
    public const string Incidents = "Инциденты";
    public const string ShareAnswered = "Доля отвеченных";
    public const string ShareWithinDeadline = "Доля реакций в срок";
    public const string MedianReaction = "Медиана реакции, раб. ч";
    public const string OverdueNow = "Просрочено сейчас";

    public const int TopProblems = 5;
    public const int ExamplesPerProblem = 3;
    public const int TopRisks = 5;
    public const int TopLocalities = 10;

    private static readonly string[] RiskLevels = [.. Enum.GetNames<RiskLevel>()];
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public WeeklyNote Build(ReportPeriod week, DateTimeOffset? asOf = null)
    {
        if (week.Kind != ReportPeriodKind.Week)
        {
            throw new ArgumentException($"The weekly note needs an ISO week, not {week.Label}", nameof(week));
        }

        var at = asOf ?? metrics.Now;
        var previous = PreviousWeek(week, zone);
        var current = metrics.Compute(week, at);
        var before = metrics.Compute(previous, at);
        var overdueBefore = metrics.Overdue(previous, at.AddDays(-7)).Count;
        var messages = data.Messages(week);
        var previousMessages = data.Messages(previous);

        HeadlineFigure[] headline =
        [
            new(Messages, FigureKind.Count, current.Messages, before.Messages),
            new(Appeals, FigureKind.Count, current.Appeals, before.Appeals),
            new(Incidents, FigureKind.Count, current.Incidents.Received, before.Incidents.Received),
            new(ShareAnswered, FigureKind.Share, current.Incidents.ShareAnswered, before.Incidents.ShareAnswered),
            new(ShareWithinDeadline, FigureKind.Share, current.Incidents.ShareWithinDeadline, before.Incidents.ShareWithinDeadline),
            new(MedianReaction, FigureKind.Hours, current.Incidents.MedianReactionHours, before.Incidents.MedianReactionHours),
            new(OverdueNow, FigureKind.Count, current.Overdue.Count, overdueBefore),
        ];

        var localities = data.IncidentLocalities(current.Overdue.Select(i => i.Id));
        var overdue = current.Overdue.Select(i => new OverdueRow(
            i.Id, i.RecipientId, names.Recipient(i.RecipientId), names.Sector(i.Sector), names.Locality(localities.GetValueOrDefault(i.Id)),
            i.RunningDeadline, Math.Max(0, (int)Math.Floor((at - i.RunningDeadline).TotalDays)), i.PostUrl)).ToList();

        return new WeeklyNote(
            municipality, week, previous, at, zone, headline,
            [VolumeChart(week, zone, messages), RiskChart(messages, previousMessages), LocalityChart(messages)],
            Problems(messages, previousMessages), overdue, rating.Compute(week, at), EmergingRisks(messages, previousMessages), data.RiskSpikes(week));
    }

    /// <summary>The ISO week before <paramref name="week"/>.</summary>
    public static ReportPeriod PreviousWeek(ReportPeriod week, TimeZoneInfo zone)
    {
        var monday = ReportPeriod.LocalDay(week.From, zone).AddDays(-7).ToDateTime(TimeOnly.MinValue);
        return ReportPeriod.Week(ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday), zone);
    }

    /// <summary>Messages per local day (Monday..Sunday) of each sector, sectors by the week's volume (largest first, ties by id).</summary>
    private ChartSpec VolumeChart(ReportPeriod week, TimeZoneInfo zone, IReadOnlyList<ResidentMessage> messages)
    {
        var monday = ReportPeriod.LocalDay(week.From, zone);
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
        var sectors = messages.GroupBy(m => m.Sector, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartSeries(names.Sector(g.Key), [.. days.Select(d => (double)g.Count(m => ReportPeriod.LocalDay(m.PublishedAt, zone) == d))]))
            .ToList();
        return new ChartSpec("volume", "Сообщения жителей по отраслям и дням", ChartKind.StackedBars,
            [.. days.Select(d => d.ToString("ddd dd.MM", Russian))], sectors, "сообщений");
    }

    private static ChartSpec RiskChart(IReadOnlyList<ResidentMessage> messages, IReadOnlyList<ResidentMessage> previous) => new(
        "risk", "Уровни риска сообщений", ChartKind.GroupedBars, [.. RiskLevels.Select(RiskName)],
        [
            new ChartSeries("прошлая неделя", [.. RiskLevels.Select(level => (double)previous.Count(m => m.RiskLevel == level))]),
            new ChartSeries("эта неделя", [.. RiskLevels.Select(level => (double)messages.Count(m => m.RiskLevel == level))]),
        ],
        "сообщений");

    /// <summary>Localities by residents' messages (those with a determined locality), the largest <see cref="TopLocalities"/>, ties by id.</summary>
    private ChartSpec LocalityChart(IReadOnlyList<ResidentMessage> messages)
    {
        var top = messages.Where(m => m.LocalityId is not null).GroupBy(m => m.LocalityId!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopLocalities).ToList();
        return new ChartSpec("localities", "Населённые пункты с наибольшим числом сообщений", ChartKind.HorizontalBars,
            [.. top.Select(g => names.Locality(g.Key))],
            [
                new ChartSeries("сообщения", [.. top.Select(g => (double)g.Count())]),
                new ChartSeries("из них обращения", [.. top.Select(g => (double)g.Count(m => m.IsAppeal))]),
            ],
            "сообщений");
    }

    private List<ProblemGroup> Problems(IReadOnlyList<ResidentMessage> messages, IReadOnlyList<ResidentMessage> previous)
    {
        var before = previous.Where(m => m.IsAppeal).CountBy(m => (m.Sector, m.LocalityId)).ToDictionary();
        return [.. messages.Where(m => m.IsAppeal)
            .GroupBy(m => (m.Sector, m.LocalityId))
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Count(m => m.IsNegative))
            .ThenBy(g => g.Key.Sector, StringComparer.Ordinal).ThenBy(g => g.Key.LocalityId ?? "\uffff", StringComparer.Ordinal)
            .Take(TopProblems)
            .Select(g => new ProblemGroup(
                g.Key.Sector, names.Sector(g.Key.Sector), g.Key.LocalityId, names.Locality(g.Key.LocalityId), g.Count(), before.GetValueOrDefault(g.Key),
                g.Count(m => m.IsNegative),
                [.. g.Where(m => !string.IsNullOrWhiteSpace(m.Text))
                    .OrderByDescending(m => m.RiskScore).ThenByDescending(m => m.PublishedAt).ThenBy(m => m.Key, StringComparer.Ordinal)
                    .Take(ExamplesPerProblem)
                    .Select(m => new PostExcerpt(m.Key, m.PublishedAt, WeeklyNoteText.Excerpt(m.Text), m.Url, m.RiskLevel))]))];
    }

    private List<EmergingRisk> EmergingRisks(IReadOnlyList<ResidentMessage> messages, IReadOnlyList<ResidentMessage> previous)
    {
        var now = messages.Where(m => m.IsNegative).CountBy(m => (m.Sector, m.LocalityId)).ToDictionary();
        var before = previous.Where(m => m.IsNegative).CountBy(m => (m.Sector, m.LocalityId)).ToDictionary();
        return [.. now.Select(n => (n.Key, Now: n.Value, Before: before.GetValueOrDefault(n.Key)))
            .Where(g => g.Now > g.Before)
            .OrderByDescending(g => g.Now - g.Before).ThenByDescending(g => g.Now)
            .ThenBy(g => g.Key.Sector, StringComparer.Ordinal).ThenBy(g => g.Key.LocalityId ?? "\uffff", StringComparer.Ordinal)
            .Take(TopRisks)
            .Select(g => new EmergingRisk(g.Key.Sector, names.Sector(g.Key.Sector), g.Key.LocalityId, names.Locality(g.Key.LocalityId), g.Now, g.Before))];
    }

    public static string RiskName(string level) => level switch
    {
        "Low" => "низкий",
        "Medium" => "средний",
        "High" => "высокий",
        "Critical" => "критический",
        _ => level,
    };
}
