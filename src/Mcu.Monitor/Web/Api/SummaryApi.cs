using System.Globalization;
using System.Text.RegularExpressions;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Reports.Weekly;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api/summary</c>: the weekly note's headline numbers and its charts, for the «Сводка» page.</summary>
public static partial class SummaryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/summary", Results<Ok<SummaryView>, BadRequest<ChangeResult>> (string? week, WeeklyNoteBuilder builder, IMemoryCache cache, ReportMetrics metrics, IOptions<MunicipalityOptions> municipality) =>
        {
            if (!TryWeek(week, metrics.Now, Zone(municipality), out var period, out var id))
            {
                return TypedResults.BadRequest(new ChangeResult(false, $"Неделя '{week}' не в формате 2026-W48"));
            }

            var note = Note(cache, builder, period, id);
            return TypedResults.Ok(new SummaryView(id, period.Label, period.From, period.To,
                [.. note.Headline.Select(f => new SummaryFigure(f.Label, f.Kind.ToString(), f.Current, f.Previous, f.Delta))],
                [.. note.Charts.Select(c => new SummaryChart(c.Id, c.Title, $"/api/summary/charts/{c.Id}.png?week={id}"))]));
        }).WithSummary("Headline numbers of the weekly note against the week before, and its charts (week as 2026-W48; default the last complete week)");

        api.MapGet("/summary/charts/{chart}.png", Results<FileContentHttpResult, NotFound, BadRequest<ChangeResult>> (
            string chart, string? week, WeeklyNoteBuilder builder, IMemoryCache cache, ReportMetrics metrics, IOptions<MunicipalityOptions> municipality) =>
        {
            if (!TryWeek(week, metrics.Now, Zone(municipality), out var period, out var id))
            {
                return TypedResults.BadRequest(new ChangeResult(false, $"Неделя '{week}' не в формате 2026-W48"));
            }

            var spec = Note(cache, builder, period, id).Charts.FirstOrDefault(c => c.Id == chart);
            return spec is null ? TypedResults.NotFound() : TypedResults.File(WeeklyNoteCharts.Render(spec), "image/png");
        }).WithSummary("A chart of the weekly note as PNG");
    }

    /// <summary>An ISO week written as <c>2026-W48</c>; none means the last complete week.</summary>
    public static bool TryWeek(string? text, DateTimeOffset now, TimeZoneInfo zone, out ReportPeriod period, out string id)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            period = ReportPeriod.LastCompleteWeek(now, zone);
            var middle = TimeZoneInfo.ConvertTime(period.From, zone).DateTime.AddDays(3);
            id = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(middle)}-W{ISOWeek.GetWeekOfYear(middle):00}");
            return true;
        }

        var match = WeekPattern().Match(text.Trim());
        if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var year and >= 2000 and <= 2999
            && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var number and >= 1 && number <= ISOWeek.GetWeeksInYear(year))
        {
            period = ReportPeriod.Week(year, number, zone);
            id = text.Trim().ToUpperInvariant();
            return true;
        }

        (period, id) = (null!, "");
        return false;
    }

    /// <summary>
    /// The note of a week, built once for the page's numbers and its three charts (asked for right after): building it
    /// reads two weeks of the store. A minute old at most.
    /// </summary>
    private static WeeklyNote Note(IMemoryCache cache, WeeklyNoteBuilder builder, ReportPeriod period, string id) =>
        cache.GetOrCreate("summary:" + id, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return builder.Build(period);
        })!;

    private static TimeZoneInfo Zone(IOptions<MunicipalityOptions> municipality) => TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);

    [GeneratedRegex("^(\\d{4})-[Ww](\\d{1,2})$")]
    private static partial Regex WeekPattern();
}
