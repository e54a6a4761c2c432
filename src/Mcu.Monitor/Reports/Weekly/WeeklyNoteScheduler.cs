using Microsoft.Extensions.Hosting;
using Quartz;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>Schedules <see cref="WeeklyNoteJob"/> on <c>Reports:Weekly:Cron</c> in the municipality's time zone, when <c>Reports:Weekly:Enabled</c>.</summary>
public sealed class WeeklyNoteScheduler(ISchedulerFactory schedulers, WeeklyNoteOptions options, TimeZoneInfo zone, TimeProvider time) : IHostedService
{
    public const string JobName = "weekly-note";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<WeeklyNoteJob>().WithIdentity(JobName).DisallowConcurrentExecution().Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(JobName)
            .WithSchedule(CronScheduleBuilder.Create(options.Cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
