using Mcu.Monitor.Sources;
using Quartz;

namespace Mcu.Monitor.Scheduling;

/// <summary>Polls one source. Quartz runs one job per source and never two polls of one source at once.</summary>
[DisallowConcurrentExecution]
public sealed class SourcePollJob(SourceRunner runner, SourceCatalog catalog) : IJob
{
    public const string SourceIdKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sourceId = context.MergedJobDataMap.GetString(SourceIdKey);
        var definition = catalog.Enabled().FirstOrDefault(s => s.Id == sourceId);
        if (definition is not null)
        {
            await runner.RunSafelyAsync(definition, cancellationToken);
        }
    }
}
