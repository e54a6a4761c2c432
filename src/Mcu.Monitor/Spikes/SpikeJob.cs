using Microsoft.Extensions.Logging;
using Quartz;

namespace Mcu.Monitor.Spikes;

/// <summary>Looks for new spikes and delivers the waiting ones, every <c>Spikes:Step</c>; a failure is logged and the next step tries again.</summary>
[DisallowConcurrentExecution]
public sealed class SpikeJob(SpikeWatcher watcher, SpikeNotifier notifier, ILogger<SpikeJob> logger) : IJob
{
    public const string Name = "spikes";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            watcher.Check();
            await notifier.DeliverAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SpikeLog.CheckFailed(logger, ex);
        }
    }
}
