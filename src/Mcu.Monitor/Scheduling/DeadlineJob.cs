using Mcu.Monitor.Incidents;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>Queues due reminders and escalations (<see cref="DeadlineWatcher"/>), every <c>Incidents:WatchInterval</c>.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineJob(DeadlineWatcher watcher) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        watcher.Check();
        return ValueTask.CompletedTask;
    }
}
