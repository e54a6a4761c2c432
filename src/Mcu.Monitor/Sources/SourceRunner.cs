using Mcu.Monitor.Pipeline;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources;

/// <summary>Reads a source from its saved cursor through the pipeline. One failing source never stops the others.</summary>
public sealed class SourceRunner(IngestPipeline pipeline, IPostStore store, SourceCatalog catalog, ILogger<SourceRunner> logger)
{
    public Task<IngestSummary> RunAsync(IPostSource source, CancellationToken cancellationToken) =>
        pipeline.RunAsync(source.Id, source.ReadAsync(store.ReadCursor(source.Id), cancellationToken), cancellationToken);

    public async Task<SourceRunResult> RunSafelyAsync(SourceDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await RunAsync(definition.Create(), cancellationToken);
            return new SourceRunResult(definition.Id, summary, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SourceLog.SourceFailed(logger, ex, definition.Id);
            return new SourceRunResult(definition.Id, new IngestSummary(), ex.Message);
        }
    }

    /// <summary>Reads every enabled source once, one after another.</summary>
    public Task<IReadOnlyList<SourceRunResult>> RunAllOnceAsync(CancellationToken cancellationToken) =>
        RunAllOnceAsync(catalog.Enabled(), cancellationToken);

    public async Task<IReadOnlyList<SourceRunResult>> RunAllOnceAsync(IEnumerable<SourceDefinition> definitions, CancellationToken cancellationToken)
    {
        var results = new List<SourceRunResult>();
        foreach (var definition in definitions)
        {
            results.Add(await RunSafelyAsync(definition, cancellationToken));
        }

        return results;
    }
}
