using Mcu.Monitor.Storage;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>Erases post texts older than <see cref="StorageOptions.TextRetention"/>, daily.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(SqliteRetention retention) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        retention.EraseExpiredTexts();
        return ValueTask.CompletedTask;
    }
}
