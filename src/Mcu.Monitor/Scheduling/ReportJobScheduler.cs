using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>
/// Schedules the monthly indicator report (<see cref="IndicatorsReportJob"/>) by the cron expression
/// <c>Reports:IndicatorsSchedule</c> in the municipality's time zone; nothing when the expression is empty.
/// </summary>
public sealed class ReportJobScheduler(
    ISchedulerFactory schedulers, IOptions<ReportsOptions> options, IOptions<MunicipalityOptions> municipality, TimeProvider time, ILogger<ReportJobScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.IndicatorsSchedule))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<IndicatorsReportJob>().WithIdentity(IndicatorsReportJob.Name).DisallowConcurrentExecution().Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(IndicatorsReportJob.Name)
            .WithSchedule(CronScheduleBuilder.Create(options.Value.IndicatorsSchedule).InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var next = await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        ReportsLog.IndicatorsScheduled(logger, options.Value.IndicatorsSchedule, zone.Id, next);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
