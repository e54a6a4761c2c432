using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// Builds the one <see cref="ElasticsearchClient"/> of the process (ELASTIC.md §3.1). Documents are written in
/// snake_case, the field names of <c>deploy/elasticsearch/*-mappings.json</c>.
/// </summary>
public static class ElasticsearchClientFactory
{
    /// <summary>The client for <paramref name="options"/>; tests pass an in-memory <paramref name="invoker"/> and <paramref name="configure"/>.</summary>
    public static ElasticsearchClient Create(
        ElasticsearchOptions options, IRequestInvoker? invoker = null, Action<ElasticsearchClientSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || string.IsNullOrWhiteSpace(options.Url))
        {
            throw new InvalidOperationException($"Elasticsearch is not enabled ({ElasticsearchOptions.SectionName}:Enabled and {ElasticsearchOptions.SectionName}:Url)");
        }

        var pool = new SingleNodePool(new Uri(options.Url));
        var settings = invoker is null ? new ElasticsearchClientSettings(pool, SourceSerializer) : new ElasticsearchClientSettings(pool, invoker, SourceSerializer);
        settings.RequestTimeout(options.RequestTimeout);

        // Only the outbox retries (CONVENTIONS.md: one retry layer); the transport reports the failure at once.
        settings.MaximumRetries(0);
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrWhiteSpace(options.Username))
        {
            settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificateFingerprint))
        {
            settings.CertificateFingerprint(options.CertificateFingerprint);
        }

        configure?.Invoke(settings);
        return new ElasticsearchClient(settings);
    }

    /// <summary>Snake-case documents: <c>PublishedAt</c> is written as <c>published_at</c>, as the strict mappings expect.</summary>
    private static readonly ElasticsearchClientSettings.SourceSerializerFactory SourceSerializer =
        static (_, settings) => new DefaultSourceSerializer(settings, o => o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
}
