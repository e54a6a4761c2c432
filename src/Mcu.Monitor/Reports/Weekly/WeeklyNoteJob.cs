using Microsoft.Extensions.Logging;
using Quartz;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>Makes and delivers the weekly note (<see cref="WeeklyNoteDelivery"/>) at each firing of <c>Reports:Weekly:Cron</c>.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyNoteJob(WeeklyNoteDelivery delivery, ILogger<WeeklyNoteJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await delivery.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WeeklyNoteLog.Failed(logger, ex);
        }
    }
}
