using Elastic.Clients.Elasticsearch;
using Mcu.Monitor.Indexing;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>A temporary store, its index outbox, a fake clock and the indexing classes on a client whose requests are recorded.</summary>
public sealed class IndexingHarness : IDisposable
{
    /// <param name="options">Enabled options on a fake URL unless given.</param>
    /// <param name="realCluster">Talk HTTP to <see cref="ElasticsearchOptions.Url"/> instead of recording (the opt-in suite).</param>
    public IndexingHarness(ElasticsearchOptions? options = null, bool realCluster = false)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        Store = new TestStore(Time);
        Options = options ?? Enabled();
        Outbox = new SqliteIndexOutbox(
            Store.Database,
            Microsoft.Extensions.Options.Options.Create(TestConfiguration.Classification()),
            Microsoft.Extensions.Options.Options.Create(TestConfiguration.Territory()),
            Microsoft.Extensions.Options.Options.Create(TestConfiguration.Routing()));
        Cluster.Attach(Invoker);
        Client = realCluster ? ElasticsearchClientFactory.Create(Options) : ElasticsearchClientFactory.Create(Options, Invoker, s => s.DisableDirectStreaming());
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Writer = new ElasticsearchBulkWriter(Client, wrapped);
        Indexer = new ElasticsearchIndexer(Outbox, Writer, wrapped, Time, new TestLogger<ElasticsearchIndexer>(Log));
        Setup = new ElasticsearchSetup(Client, wrapped, new TestLogger<ElasticsearchSetup>(Log));
        Rebuild = new IndexRebuild(Outbox, Writer, wrapped, Time, new TestLogger<IndexRebuild>(Log));
        Search = new ElasticsearchPostSearch(Client, wrapped);
    }

    public FakeTimeProvider Time { get; }

    public TestStore Store { get; }

    public ElasticsearchOptions Options { get; }

    public SqliteIndexOutbox Outbox { get; }

    public ScriptedElasticsearch Invoker { get; } = new();

    public FakeCluster Cluster { get; } = new();

    public CollectingLogger Log { get; } = new();

    public ElasticsearchClient Client { get; }

    public ElasticsearchBulkWriter Writer { get; }

    public ElasticsearchIndexer Indexer { get; }

    public ElasticsearchSetup Setup { get; }

    public IndexRebuild Rebuild { get; }

    public ElasticsearchPostSearch Search { get; }

    public static ElasticsearchOptions Enabled() => new() { Enabled = true, Url = "http://localhost:9200", ApiKey = "test-key" };

    public Task CommitAsync(params ProcessedPost[] posts) => Store.Store.CommitAsync("file:test", posts, null, CancellationToken.None);

    /// <summary>A stored post published at <paramref name="publishedAt"/>.</summary>
    public static ProcessedPost Post(string id, DateTimeOffset publishedAt, bool appeal = false, string? text = null)
    {
        var processed = TestPosts.Processed(id, appeal);
        var post = processed.Post with { PublishedAt = publishedAt, Text = text ?? processed.Post.Text };
        return processed with
        {
            Post = post,
            Incident = processed.Incident is { } plan ? plan with { Incident = plan.Incident with { OpenedAt = publishedAt, DueAt = publishedAt.AddHours(24) } } : null,
        };
    }

    /// <summary>A later change of a post (a reclassification): its classification changes and it gets a new outbox row, hence a new version.</summary>
    public void Reclassify(string postKey, string riskLevel)
    {
        using var connection = Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE classifications SET risk_level = $risk WHERE post_key = $key;
            INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at) VALUES ('test-mun', 'post', $key, $now, $now);
            """;
        command.Parameters.AddWithValue("$risk", riskLevel);
        command.Parameters.AddWithValue("$key", postKey);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(Time.GetUtcNow()));
        command.ExecuteNonQuery();
    }

    public long Pending => Outbox.Counts().Pending;

    public long Dead => Outbox.Counts().Dead;

    public IReadOnlyList<RecordedRequest> Bulks => [.. Invoker.Requests.Where(r => r.Path == "/_bulk")];

    public void Dispose()
    {
        Indexer.Dispose();
        Store.Dispose();
    }
}
