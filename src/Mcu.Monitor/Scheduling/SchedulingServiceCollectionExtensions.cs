using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Mcu.Monitor.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>A Quartz job per configured source at its poll interval, and the daily retention job.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IReadOnlyList<(string SourceId, TimeSpan PollInterval)> sources)
    {
        services.AddQuartz(quartz =>
        {
            foreach (var (sourceId, pollInterval) in sources)
            {
                // The interval counts from the end of the previous poll, so a slow source never piles up firings.
                quartz.ScheduleJob<SourcePollJob>(
                    trigger => trigger
                        .WithIdentity("poll " + sourceId)
                        .StartNow()
                        .WithSchedule(SimpleScheduleBuilder.Create()
                            .WithInterval(pollInterval)
                            .RepeatForever()
                            .MeasureIntervalFromCompletion(true)
                            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                    job => job
                        .WithIdentity("poll " + sourceId)
                        .DisallowConcurrentExecution()
                        .UsingJobData(SourcePollJob.SourceIdKey, sourceId));
            }

            quartz.ScheduleJob<RetentionJob>(
                trigger => trigger
                    .WithIdentity("retention")
                    .StartNow()
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromDays(1)).RepeatForever()),
                job => job.WithIdentity("retention").DisallowConcurrentExecution());
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
