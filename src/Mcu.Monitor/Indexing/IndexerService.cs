using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// Runs the indexer while the worker runs and <see cref="ElasticsearchOptions.Enabled"/> is set: a batch as soon
/// as one is full, otherwise after <see cref="ElasticsearchOptions.BatchDelay"/>. A failed round is logged and the
/// next one retries; the host never stops because the cluster is away.
/// </summary>
public sealed class IndexerService(
    IOptions<ElasticsearchOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<IndexerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        // Resolved here, not injected: with Elasticsearch off there is no client to build, and this service stays idle.
        var indexer = services.GetRequiredService<ElasticsearchIndexer>();
        IndexingLog.Started(logger, ElasticsearchOptionsRules.ShowUrl(o.Url ?? ""), o.PostsIndexPrefix, o.PostsAlias, o.IncidentsIndex);
        try
        {
            if (o.SetupOnStart)
            {
                await SetupAsync(services.GetRequiredService<ElasticsearchSetup>(), o, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var rows = 0;
                try
                {
                    rows = (await indexer.RunOnceAsync(stoppingToken)).Rows;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    IndexingLog.RoundFailed(logger, ex);
                }

                if (rows < o.BatchSize)
                {
                    await Task.Delay(o.BatchDelay, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>Templates before the first write, retried with the capped backoff while the cluster is away.</summary>
    private async Task SetupAsync(ElasticsearchSetup setup, ElasticsearchOptions o, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await setup.RunAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var delay = ElasticsearchIndexer.Backoff(o, failures);
                IndexingLog.SetupFailed(logger, ex.Message, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
