using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Mcu.Monitor.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz with a job per enabled source (scheduled at start by <see cref="SourceJobScheduler"/>) and retention.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddQuartz();
        // Registered before Quartz's hosted service: the jobs are in place when the scheduler starts.
        services.AddHostedService<SourceJobScheduler>();
        services.AddHostedService<ReportJobScheduler>(); // the monthly indicator report (Reports:IndicatorsSchedule)
        services.AddHostedService(sp => sp.GetRequiredService<Reports.Weekly.WeeklyNoteScheduler>());
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
