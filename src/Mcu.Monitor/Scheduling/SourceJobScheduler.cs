using Mcu.Monitor.Incidents;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>
/// Schedules one Quartz job per enabled source when the worker starts, from whatever providers are
/// registered, plus the daily retention job, the deadline watcher and the spike watcher. The interval counts from the end of the previous poll, so a
/// slow source never piles up firings.
/// </summary>
public sealed class SourceJobScheduler(
    ISchedulerFactory schedulers, SourceCatalog catalog, SqliteSourceRegistry registry, IOptions<IncidentOptions> incidents, TimeProvider time,
    IOptions<SpikeOptions> spikes) : IHostedService
{
    public const string RetentionJobName = "retention";
    public const string DeadlineJobName = "deadlines";

    public static string JobName(string sourceId) => "poll " + sourceId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var sources = catalog.Enabled();
        registry.Register(sources);
        foreach (var source in sources)
        {
            var job = JobBuilder.Create<SourcePollJob>()
                .WithIdentity(JobName(source.Id))
                .UsingJobData(SourcePollJob.SourceIdKey, source.Id)
                .DisallowConcurrentExecution()
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(JobName(source.Id))
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create()
                    .WithInterval(source.PollInterval)
                    .RepeatForever()
                    .MeasureIntervalFromCompletion(true)
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }

        var retention = JobBuilder.Create<RetentionJob>().WithIdentity(RetentionJobName).DisallowConcurrentExecution().Build();
        var daily = TriggerBuilder.Create(time)
            .WithIdentity(RetentionJobName)
            .StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromDays(1)).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(retention, daily, cancellationToken: cancellationToken);

        var deadlines = JobBuilder.Create<DeadlineJob>().WithIdentity(DeadlineJobName).DisallowConcurrentExecution().Build();
        var watch = TriggerBuilder.Create(time)
            .WithIdentity(DeadlineJobName)
            .StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(incidents.Value.WatchInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(deadlines, watch, cancellationToken: cancellationToken);

        if (spikes.Value is { Enabled: true } spikeOptions)
        {
            var spikeJob = JobBuilder.Create<SpikeJob>().WithIdentity(SpikeJob.Name).DisallowConcurrentExecution().Build();
            var everyStep = TriggerBuilder.Create(time)
                .WithIdentity(SpikeJob.Name)
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(spikeOptions.Step).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(spikeJob, everyStep, cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
