using System.CommandLine;
using System.Globalization;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>report indicators [--month yyyy-MM | --year yyyy] [--out FILE.xlsx]</c>: the indicator report (XLSX and a CSV beside
/// it) for a month, a year, or by default the last complete month, in the municipality's time zone.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var month = new Option<string?>("--month") { Description = "The month, yyyy-MM (default: the last complete month)" };
        var year = new Option<string?>("--year") { Description = "The year, yyyy (the annual report)" };
        var output = new Option<string?>("--out") { Description = "The XLSX file to write; the CSV goes beside it (default: Reports:OutputDirectory/indicators-<period>.xlsx)" };
        var indicators = new Command("indicators", "Monthly or annual indicators: messages by channel and sector, incidents, answers, reaction time, deadlines, satisfaction, official pages") { month, year, output };
        indicators.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(host.Services.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone);
            var (monthText, yearText) = (parse.GetValue(month), parse.GetValue(year));
            ReportPeriod period;
            if (monthText is not null && yearText is not null)
            {
                await context.Error.WriteLineAsync("error: give --month or --year, not both");
                return CommandExecution.BadInput;
            }

            if (monthText is not null)
            {
                if (!ReportPeriod.TryParse(monthText, zone, out period) || period.Kind != ReportPeriodKind.Month)
                {
                    await context.Error.WriteLineAsync($"error: --month '{monthText}' is not a month (yyyy-MM, e.g. 2026-11)");
                    return CommandExecution.BadInput;
                }
            }
            else if (yearText is not null)
            {
                if (!ReportPeriod.TryParse(yearText, zone, out period) || period.Kind != ReportPeriodKind.Year)
                {
                    await context.Error.WriteLineAsync($"error: --year '{yearText}' is not a year (yyyy, e.g. 2026)");
                    return CommandExecution.BadInput;
                }
            }
            else
            {
                period = ReportPeriod.LastCompleteMonth(host.Services.GetRequiredService<ReportMetrics>().Now, zone);
            }

            var path = parse.GetValue(output)
                ?? Path.Combine(host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.OutputDirectory, IndicatorsReport.FileName(period));
            var (xlsx, csv) = host.Services.GetRequiredService<IndicatorsReport>().Write(period, path);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Indicators for {period.Label}: {xlsx}"));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"CSV: {csv}"));
            return CommandExecution.Ok;
        }, ct));
        return new Command("report", "Reports for the head of administration and the regional ЦУР") { indicators, ReportWeeklyCommand.Create(context, config) };
    }
}
