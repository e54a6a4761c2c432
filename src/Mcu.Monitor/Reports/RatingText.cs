using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Reports;

/// <summary>The rating as a console table and as CSV (<c>;</c>-separated, decimal comma, as Russian Excel reads it).</summary>
public static class RatingText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Table(RatingTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Рейтинг получателей за {table.Period.Label} (на {table.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"#",3} {"получатель",-22} {"балл",6} {"получ.",6} {"отвеч.",7} {"мед.ч",6} {"p90 ч",6} {"в срок",7} {"полнота",7} {"повт.",6} {"страница",8}");
        foreach (var r in table.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{(r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"),3} {Cut(r.RecipientId, 22),-22} {Number(r.Score, "0.0"),6} {r.Received,6} {Percent(r.ShareAnswered),7} {Number(r.MedianReactionHours, "0.0"),6} {Number(r.P90ReactionHours, "0.0"),6} {Percent(r.ShareWithinDeadline),7} {Number(r.MeanCompleteness, "0"),7} {Percent(r.ShareReopened),6} {Percent(r.PageShareAnswered),8}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{table.Rows.Count(r => r.Rank is not null)} ranked, {table.Rows.Count(r => r.Rank is null)} without incidents");
        return text.ToString();
    }

    public static string Csv(RatingTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', "Место", "Получатель", "Наименование", "Балл", "Получено", "Доля отвеченных", "Медиана реакции, раб. ч",
            "90-й перцентиль реакции, раб. ч", "Доля реакций в срок", "Средняя полнота ответа", "Доля повторно открытых", "Удовлетворённость (прокси)",
            "Просрочено", "Госпаблик", "Публикаций в неделю", "Доля отвеченных комментариев", "Медиана ответа в госпаблике, раб. ч"));
        foreach (var r in table.Rows)
        {
            text.AppendLine(string.Join(';',
                r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", CsvText.Field(r.RecipientId), CsvText.Field(r.Name), CsvText.Number(r.Score),
                r.Received.ToString(CultureInfo.InvariantCulture), CsvText.Number(r.ShareAnswered), CsvText.Number(r.MedianReactionHours),
                CsvText.Number(r.P90ReactionHours), CsvText.Number(r.ShareWithinDeadline), CsvText.Number(r.MeanCompleteness), CsvText.Number(r.ShareReopened),
                CsvText.Number(r.Satisfaction), r.Overdue.ToString(CultureInfo.InvariantCulture), CsvText.Field(r.Page ?? ""), CsvText.Number(r.PagePostsPerWeek),
                CsvText.Number(r.PageShareAnswered), CsvText.Number(r.PageMedianAnswerHours)));
        }

        return text.ToString();
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    private static string Number(double? value, string format) => value?.ToString(format, Russian) ?? "-";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0", Russian) + "%" : "-";
}
