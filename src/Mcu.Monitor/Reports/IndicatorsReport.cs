using System.Globalization;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;

namespace Mcu.Monitor.Reports;

/// <summary>
/// The indicator report of a period (regulation 3.3д monthly, 4.4 annual): the tables of <see cref="PeriodIndicators"/>
/// and the recipients' rating, written as an XLSX workbook (<see cref="IndicatorsWorkbook"/>) and a CSV beside it
/// (<see cref="IndicatorsCsv"/>, same base name).
/// </summary>
public sealed class IndicatorsReport(ReportMetrics metrics, DeadlineOptions deadlines, ClassificationOptions classification, MunicipalityOptions municipality)
{
    public const string SummarySheet = "Показатели";
    public const string ChannelsSheet = "По каналам и секторам";
    public const string RecipientsSheet = "Получатели";
    public const string PagesSheet = "Госпаблики";
    public const string OverdueSheet = "Просроченные";

    /// <summary>The default file name of a period's report: <c>indicators-2026-11.xlsx</c>.</summary>
    public static string FileName(ReportPeriod period) => $"indicators-{period.Label}.xlsx";

    /// <summary>Computes the period as of now and writes <paramref name="xlsxPath"/> and the CSV beside it; returns both paths.</summary>
    public (string Xlsx, string Csv) Write(ReportPeriod period, string xlsxPath)
    {
        var indicators = metrics.Compute(period);
        var tables = Tables(indicators, RecipientRating.Rank(period, indicators.AsOf, indicators.Recipients, deadlines.Reaction.Normal));
        var xlsx = Path.GetFullPath(xlsxPath);
        var csv = Path.ChangeExtension(xlsx, ".csv");
        if (Path.GetDirectoryName(xlsx) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        IndicatorsWorkbook.Write(xlsx, tables);
        IndicatorsCsv.Write(csv, tables);
        return (xlsx, csv);
    }

    /// <summary>The report's tables, in sheet order.</summary>
    public IReadOnlyList<ReportTable> Tables(PeriodIndicators indicators, RatingTable rating)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(municipality.TimeZone);
        var s = indicators.Incidents;
        var pages = indicators.OfficialPages;
        var pageComments = pages.Sum(p => p.ResidentComments);
        var summary = new List<IReadOnlyList<ReportValue>>
        {
            Line("Муниципальное образование", "", ReportValue.Of(municipality.Name)),
            Line("Период", "", ReportValue.Of(indicators.Period.Label)),
            Line("Начало периода", "", ReportValue.Of(Local(indicators.Period.From, zone))),
            Line("Конец периода (не включая)", "", ReportValue.Of(Local(indicators.Period.To, zone))),
            Line("Данные на момент", "", ReportValue.Of(Local(indicators.AsOf, zone))),
            Line("Сообщений жителей", "шт.", ReportValue.Count(indicators.Messages)),
            Line("из них обращений", "шт.", ReportValue.Count(indicators.Appeals)),
            Line("Инцидентов получено", "шт.", ReportValue.Count(s.Received)),
            Line("Инцидентов с ответом", "шт.", ReportValue.Count(s.Answered)),
            Line("Доля отвеченных", "%", ReportValue.Percent(s.ShareAnswered)),
            Line("Медиана времени первой реакции", "раб. ч", ReportValue.OneDecimal(s.MedianReactionHours)),
            Line("90-й перцентиль времени первой реакции", "раб. ч", ReportValue.OneDecimal(s.P90ReactionHours)),
            Line("Доля реакций в срок", "%", ReportValue.Percent(s.ShareWithinDeadline)),
            Line("Средняя полнота ответа", "баллы 0–100", ReportValue.OneDecimal(s.MeanCompleteness)),
            Line("Доля повторно открытых", "%", ReportValue.Percent(s.ShareReopened)),
            Line("Удовлетворённость ответами (прокси)", "%", ReportValue.Percent(s.Satisfaction)),
            Line("Просрочено из полученных в периоде", "шт.", ReportValue.Count(s.Overdue)),
            Line("Просроченных инцидентов на момент формирования", "шт.", ReportValue.Count(indicators.Overdue.Count)),
            Line("Госпабликов", "шт.", ReportValue.Count(pages.Count)),
            Line("Публикаций госпабликов", "шт.", ReportValue.Count(pages.Sum(p => p.Posts))),
            Line("Публикаций госпабликов в неделю", "шт./нед.", ReportValue.OneDecimal(pages.Sum(p => p.PostsPerWeek))),
            Line("Комментариев жителей в госпабликах", "шт.", ReportValue.Count(pageComments)),
            Line("Доля комментариев с ответом госпаблика", "%", ReportValue.Percent(ReportStatistics.Share(pages.Sum(p => p.AnsweredComments), pageComments))),
        };

        var channels = indicators.MessagesByChannelAndSector.Select(m => (IReadOnlyList<ReportValue>)
        [
            ReportValue.Of(NetworkName(m.Network)), ReportValue.Of(SectorName(m.Sector)),
            ReportValue.Count(m.Messages), ReportValue.Count(m.Appeals), ReportValue.Percent(ReportStatistics.Share(m.Appeals, m.Messages)),
        ]).ToList();
        channels.Add(
        [
            ReportValue.Of("Итого"), ReportValue.Of(""), ReportValue.Count(indicators.Messages), ReportValue.Count(indicators.Appeals),
            ReportValue.Percent(ReportStatistics.Share(indicators.Appeals, indicators.Messages)),
        ]);

        var recipients = rating.Rows.Select(r => (IReadOnlyList<ReportValue>)
        [
            ReportValue.Count(r.Rank), ReportValue.Of(r.RecipientId), ReportValue.Of(r.Name), ReportValue.OneDecimal(r.Score), ReportValue.Count(r.Received),
            ReportValue.Percent(r.ShareAnswered), ReportValue.OneDecimal(r.MedianReactionHours), ReportValue.OneDecimal(r.P90ReactionHours),
            ReportValue.Percent(r.ShareWithinDeadline), ReportValue.OneDecimal(r.MeanCompleteness), ReportValue.Percent(r.ShareReopened),
            ReportValue.Percent(r.Satisfaction), ReportValue.Count(r.Overdue), ReportValue.Of(r.Page), ReportValue.OneDecimal(r.PagePostsPerWeek),
            ReportValue.Percent(r.PageShareAnswered),
        ]).ToList();

        var pageRows = pages.Select(p => (IReadOnlyList<ReportValue>)
        [
            ReportValue.Of(NetworkName(p.Network)), ReportValue.Of(p.Owner), ReportValue.Of(p.Name), ReportValue.Of(string.Join(", ", p.RecipientIds)),
            ReportValue.Count(p.Posts), ReportValue.OneDecimal(p.PostsPerWeek), ReportValue.Count(p.ResidentComments), ReportValue.Count(p.AnsweredComments),
            ReportValue.Percent(p.ShareAnswered), ReportValue.OneDecimal(p.MedianAnswerHours),
        ]).ToList();

        var overdue = indicators.Overdue.Select(i => (IReadOnlyList<ReportValue>)
        [
            ReportValue.Count(i.Id), ReportValue.Of(i.RecipientId), ReportValue.Of(SectorName(i.Sector)), ReportValue.Of(i.Status),
            ReportValue.Of(Local(i.OpenedAt, zone)), ReportValue.Of(Local(i.RunningDeadline, zone)),
            ReportValue.OneDecimal(metrics.Calendar.WorkingTimeBetween(i.RunningDeadline, indicators.AsOf).TotalHours), ReportValue.Of(i.PostUrl ?? i.PostKey),
        ]).ToList();

        return
        [
            new ReportTable(SummarySheet, [new("Показатель", 50), new("Единица", 14), new("Значение", 22)], summary, KeyColumns: 2, Vertical: true),
            new ReportTable(ChannelsSheet, [new("Канал", 16), new("Сектор", 36), new("Сообщений", 12), new("Обращений", 12), new("Доля обращений", 16)], channels, KeyColumns: 2),
            new ReportTable(RecipientsSheet,
            [
                new("Место", 8), new("Получатель", 18), new("Наименование", 40), new("Балл рейтинга", 14), new("Получено инцидентов", 14),
                new("Доля отвеченных", 14), new("Медиана реакции, раб. ч", 14), new("90-й перцентиль реакции, раб. ч", 16), new("Доля реакций в срок", 14),
                new("Средняя полнота ответа", 14), new("Доля повторно открытых", 14), new("Удовлетворённость (прокси)", 16), new("Просрочено", 12),
                new("Госпаблик", 18), new("Публикаций госпаблика в неделю", 16), new("Доля отвеченных комментариев", 16),
            ], recipients, KeyColumns: 3),
            new ReportTable(PagesSheet,
            [
                new("Сеть", 16), new("Аккаунт", 18), new("Наименование", 40), new("Получатели", 18), new("Публикаций", 12), new("Публикаций в неделю", 14),
                new("Комментариев жителей", 14), new("С ответом госпаблика", 14), new("Доля отвеченных", 14), new("Медиана ответа, раб. ч", 14),
            ], pageRows, KeyColumns: 3),
            new ReportTable(OverdueSheet,
            [
                new("Инцидент", 10), new("Получатель", 18), new("Сектор", 30), new("Статус", 12), new("Открыт", 18), new("Срок", 18),
                new("Просрочен на, раб. ч", 14), new("Ссылка", 50),
            ], overdue, KeyColumns: 1),
        ];
    }

    /// <summary>Network names as the ЦУР's forms write them.</summary>
    public static string NetworkName(string network) => network switch
    {
        "vk" => "ВКонтакте",
        "ok" => "Одноклассники",
        "telegram" => "Telegram",
        _ => network,
    };

    private string SectorName(string sector) =>
        classification.Lexicon.Sectors.TryGetValue(sector, out var s) && s.Name.Length > 0 ? s.Name : sector switch
        {
            "other" => "Прочее",
            _ => sector,
        };

    private static IReadOnlyList<ReportValue> Line(string name, string unit, ReportValue value) => [ReportValue.Of(name), ReportValue.Of(unit), value];

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
