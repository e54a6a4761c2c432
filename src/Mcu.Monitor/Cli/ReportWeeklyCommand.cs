using System.CommandLine;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Reports.Weekly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>report weekly [--week 2026-W48] [--out note.docx]</c>: the weekly analytic note for the head of administration as
/// DOCX and, beside it, HTML; by default the last complete ISO week in the municipality's time zone, written to
/// <c>Reports:Weekly:OutputDirectory</c>/weekly-note-&lt;week&gt;.docx.
/// </summary>
internal static class ReportWeeklyCommand
{
    /// <summary>The <c>report</c> command and its subcommands (the monthly indicators go beside <c>weekly</c>).</summary>
    public static Command Create(CliContext context, Option<string?> config)
    {
        var week = new Option<string?>("--week") { Description = "ISO week, e.g. 2026-W48 (default: the last complete week)" };
        var output = new Option<string?>("--out") { Description = "The DOCX to write; the HTML goes beside it (default: Reports:Weekly:OutputDirectory/weekly-note-<week>.docx)" };
        var command = new Command("weekly", "Weekly analytic note: headline numbers against last week, charts, main problems, overdue incidents, rating, emerging risks") { week, output };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(host.Services.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone);
            var now = host.Services.GetRequiredService<ReportMetrics>().Now;
            var weekText = parse.GetValue(week);
            ReportPeriod period;
            if (weekText is null)
            {
                period = ReportPeriod.LastCompleteWeek(now, zone);
            }
            else if (!ReportPeriod.TryParse(weekText, zone, out period) || period.Kind != ReportPeriodKind.Week)
            {
                await context.Error.WriteLineAsync($"error: --week '{weekText}' is not an ISO week (yyyy-Www, e.g. 2026-W48)");
                return CommandExecution.BadInput;
            }

            var path = parse.GetValue(output) ?? host.Services.GetRequiredService<WeeklyNoteDelivery>().DocxPath(period);
            var files = host.Services.GetRequiredService<WeeklyNoteWriter>().Write(period, path, now);
            await context.Output.WriteLineAsync($"Weekly note {period.Label}: {files.DocxPath}");
            await context.Output.WriteLineAsync($"HTML: {files.HtmlPath}");
            return CommandExecution.Ok;
        }, ct));
        return command;
    }
}
