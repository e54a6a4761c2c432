using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>
/// Writes the last complete month's indicator report into <c>Reports:OutputDirectory</c> (by default on the 1st at 06:00,
/// <c>Reports:IndicatorsSchedule</c>). A failure is logged and waits for the next firing (or <c>report indicators</c>);
/// it never stops the worker.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IndicatorsReportJob(
    IndicatorsReport report, ReportMetrics metrics, IOptions<ReportsOptions> options, IOptions<MunicipalityOptions> municipality, ILogger<IndicatorsReportJob> logger) : IJob
{
    public const string Name = "indicators report";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.LastCompleteMonth(metrics.Now, TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone));
        try
        {
            var (xlsx, csv) = report.Write(period, Path.Combine(options.Value.OutputDirectory, IndicatorsReport.FileName(period)));
            ReportsLog.IndicatorsWritten(logger, period.Label, xlsx, csv);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            ReportsLog.IndicatorsFailed(logger, ex, period.Label);
        }

        return ValueTask.CompletedTask;
    }
}
