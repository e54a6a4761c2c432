using Mcu.Monitor.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Elasticsearch</c> options (validated at start-up), the client, the indexer, <c>index rebuild</c>,
    /// <c>es setup</c> and <see cref="ElasticsearchPostSearch"/>. The client is built on first use and only when
    /// <see cref="ElasticsearchOptions.Enabled"/>; with Elasticsearch off nothing here talks to a network. The hosted
    /// <see cref="IndexerService"/> is added by the host in worker mode only.
    /// </summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ElasticsearchOptions>(configuration, ElasticsearchOptions.SectionName, (_, o) => ElasticsearchOptionsRules.Validate(o));

        // Registered always so that the container validates, built lazily: the factory refuses when not enabled.
        services.AddSingleton(sp => ElasticsearchClientFactory.Create(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value));
        services.AddSingleton<ElasticsearchBulkWriter>();
        services.AddSingleton<ElasticsearchIndexer>();
        services.AddSingleton<IndexRebuild>();
        services.AddSingleton<ElasticsearchSetup>();
        services.AddSingleton<ElasticsearchPostSearch>();
        return services;
    }
}
