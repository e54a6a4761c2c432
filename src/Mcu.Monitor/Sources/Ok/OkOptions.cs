using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>
/// Odnoklassniki groups read through the OK REST API (section <c>Sources:Ok</c>; docs/sources/ok.md).
/// With no groups nothing is read and no key is needed; with groups, <see cref="ApplicationKey"/>,
/// <see cref="AccessToken"/> and <see cref="SecretKey"/> (or <see cref="SessionSecretKey"/>) are required.
/// Secrets come from environment variables (<c>Sources__Ok__SecretKey</c>) or user secrets, never from committed files.
/// </summary>
public sealed class OkOptions
{
    public const string SectionName = "Sources:Ok";

    /// <summary>Reads the configured groups when true. Default true (with no groups it reads nothing).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The application's public key (<c>application_key</c>), sent on every call. Default empty.</summary>
    public string ApplicationKey { get; set; } = "";

    /// <summary>
    /// The application's secret key (<c>application_secret_key</c>). With <see cref="AccessToken"/> the
    /// signing secret is <c>md5(access_token + SecretKey)</c> (PLATFORM-APIS §2.2). Default empty; never logged.
    /// </summary>
    public string SecretKey { get; set; } = "";

    /// <summary>
    /// A <c>session_secret_key</c> of the client-server flow; when set it is the signing secret and
    /// <see cref="SecretKey"/> is not used. Default empty; never logged.
    /// </summary>
    public string SessionSecretKey { get; set; } = "";

    /// <summary>The user access token the calls are made with (an "eternal" token of the application's owner). Default empty; never logged.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>API server; tests point it at a loopback server. Default <c>https://api.ok.ru/</c>.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.ok.ru/";

    /// <summary>The groups to read, each its own source <c>ok:group:&lt;Id&gt;</c>. Default none.</summary>
    public List<OkGroupOptions> Groups { get; set; } = [];

    /// <summary>How often <c>run</c> polls each group. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one HTTP call. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Least time between two calls of this application, the configurable rate limit of PLATFORM-APIS §2.6
    /// (OK publishes no numbers). Default 0.2 seconds (5 calls a second).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait after a transient failure (OK errors 2, 8, 11; HTTP 5xx; timeouts), doubling each retry. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the doubling retry wait. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries of one call after a transient failure; then the poll fails and the next poll resumes from the cursor. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// After OK rejects the credentials (errors 101–105), calls are refused without reaching OK for this
    /// long, so a revoked token is not hammered at every poll. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CredentialsPause { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Topics asked for per <c>mediatopic.getTopics</c> page. Default 20.</summary>
    [Range(1, 100)]
    public int TopicsPageSize { get; set; } = 20;

    /// <summary>Comments asked for per <c>discussions.getComments</c> page. Default 100.</summary>
    [Range(1, 100)]
    public int CommentsPageSize { get; set; } = 100;

    /// <summary>
    /// Most pages of topics (and of one topic's comments) read in one poll; a group busier than this
    /// between two polls loses the oldest new topics, with a warning. Default 10.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>How long after publication a topic's comments are still checked for new ones. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan CommentWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Most topics of one group whose comments are followed (the newest ones); kept in the cursor. Default 20,
    /// one topics page: the first page then gives every followed topic's comment count, and a topic whose count
    /// did not change costs no call.
    /// </summary>
    [Range(0, 500)]
    public int MaxTrackedTopics { get; set; } = 20;

    /// <summary>
    /// A followed topic whose comment count has not changed is skipped without a call, but only for this long
    /// after its comments were last read to the end: a comment deleted and another added between two polls
    /// leave the count unchanged, and this re-read finds the new one. 0 reads every followed topic at every
    /// poll. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CommentsFullRereadInterval { get; set; } = TimeSpan.FromHours(1);
}
