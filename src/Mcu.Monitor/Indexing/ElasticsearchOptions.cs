using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// The Elasticsearch index (section <c>Elasticsearch</c>). Off by default: the worker then runs on SQLite alone
/// and the index outbox simply grows until an index is configured and <c>index rebuild</c> or the indexer drains it.
/// Secrets (<see cref="ApiKey"/>, <see cref="Password"/>) come from environment variables
/// (<c>Elasticsearch__ApiKey</c>) and are never logged or echoed.
/// </summary>
public sealed class ElasticsearchOptions
{
    public const string SectionName = "Elasticsearch";

    /// <summary>Index posts and incidents and answer <c>query</c> from the index. Default <c>false</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The cluster's URL, e.g. <c>https://localhost:9200</c>. Required when <see cref="Enabled"/>. No credentials in it.</summary>
    public string? Url { get; set; }

    /// <summary>An API key (the base64 <c>encoded</c> value). Either this or <see cref="Username"/>/<see cref="Password"/> when enabled.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User for basic authentication (with <see cref="Password"/>), e.g. a user with the <c>mcu_writer</c> role.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic authentication; from <c>Elasticsearch__Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 fingerprint of the cluster's CA certificate (hex, colons allowed), for a self-signed cluster such as
    /// the docker-compose one. Optional: empty means the system's trusted roots decide.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Prefix of the monthly post indices, <c>{prefix}-yyyy.MM</c> from each post's own date (UTC). Default <c>mcu-posts</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]{0,200}$", ErrorMessage = "must be a lower-case index name")]
    public string PostsIndexPrefix { get; set; } = "mcu-posts";

    /// <summary>The alias every post index joins and every post query reads. Default <c>mcu-posts</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]{0,200}$", ErrorMessage = "must be a lower-case index name")]
    public string PostsAlias { get; set; } = "mcu-posts";

    /// <summary>The incidents index; a new mapping goes to <c>-v2</c> and the alias moves. Default <c>mcu-incidents-v1</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]{0,200}$", ErrorMessage = "must be a lower-case index name")]
    public string IncidentsIndex { get; set; } = "mcu-incidents-v1";

    /// <summary>The alias of the incidents index, read by Kibana. Default <c>mcu-incidents</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]{0,200}$", ErrorMessage = "must be a lower-case index name")]
    public string IncidentsAlias { get; set; } = "mcu-incidents";

    /// <summary>
    /// Whether the worker applies <c>es setup</c> before it indexes (and retries until that succeeds), so no index is
    /// ever created without the templates. Default <c>true</c>; set <c>false</c> when the worker's credentials may only
    /// write documents and an administrator runs <c>es setup</c>.
    /// </summary>
    public bool SetupOnStart { get; set; } = true;

    /// <summary>Most outbox rows (documents) per bulk request. Default 500.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the indexer waits for more changes when the last batch was not full. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before a failed document is sent again; doubles per attempt up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between attempts, so a long outage is noticed soon after it ends. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one request to the cluster. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a month of posts stays in the index: the ILM policy's delete phase, counted from the end of the
    /// month the index holds (its origination date). Default 365 days, like <c>Storage:TextRetention</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan PostRetention { get; set; } = TimeSpan.FromDays(365);
}
