using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>rating [--from DATE] [--to DATE] [--format table|csv|json]</c>: the recipients' rating for a period of whole days in
/// the municipality's time zone (both dates inclusive); by default the last complete ISO week.
/// </summary>
internal static class RatingCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (default: Monday of the last complete week)" };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd, inclusive (default: --from + 6 days, or yesterday)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("rating", "Rating of responsible recipients: reaction time, deadlines, answers, completeness, reopenings, official pages") { from, to, format };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(host.Services.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone);
            var rating = host.Services.GetRequiredService<RecipientRating>();
            var now = host.Services.GetRequiredService<ReportMetrics>().Now;
            if (!TryPeriod(parse.GetValue(from), parse.GetValue(to), now, zone, out var period, out var problem))
            {
                await context.Error.WriteLineAsync("error: " + problem);
                return CommandExecution.BadInput;
            }

            var table = rating.Compute(period, now);
            await context.Output.WriteAsync(parse.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(table, CliJson.Options) + Environment.NewLine,
                "csv" => RatingText.Csv(table),
                _ => RatingText.Table(table),
            });
            return CommandExecution.Ok;
        }, ct));
        return command;
    }

    /// <summary>The period of <c>--from</c>/<c>--to</c>: both given, one (a week from --from; the week up to --to), or none (the last complete week).</summary>
    internal static bool TryPeriod(string? fromText, string? toText, DateTimeOffset now, TimeZoneInfo zone, out ReportPeriod period, out string problem)
    {
        (period, problem) = (null!, "");
        DateOnly? first = null, last = null;
        if (fromText is not null)
        {
            if (!TryDay(fromText, out var day))
            {
                problem = $"--from '{fromText}' is not a date (yyyy-MM-dd)";
                return false;
            }

            first = day;
        }

        if (toText is not null)
        {
            if (!TryDay(toText, out var day))
            {
                problem = $"--to '{toText}' is not a date (yyyy-MM-dd)";
                return false;
            }

            last = day;
        }

        if (first is null && last is null)
        {
            period = ReportPeriod.LastCompleteWeek(now, zone);
            return true;
        }

        first ??= last!.Value.AddDays(-6);
        last ??= first.Value.AddDays(6);
        if (last < first)
        {
            problem = $"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}";
            return false;
        }

        period = ReportPeriod.Days(first.Value, last.Value, zone);
        return true;
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
