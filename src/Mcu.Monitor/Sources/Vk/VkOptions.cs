using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The VK reader (section <c>Sources:Vk</c>): walls and comments of configured communities and
/// <c>newsfeed.search</c> queries, read with one service key. With no communities and no queries nothing is
/// read and no token is needed. The token comes from the environment (<c>Sources__Vk__ServiceToken</c>).
/// </summary>
public sealed class VkOptions
{
    public const string SectionName = "Sources:Vk";

    /// <summary>The API version every request pins; the parsers are written for its response shapes.</summary>
    public const string ApiVersion = "5.199";

    /// <summary>Turns every VK source off without deleting its configuration. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The application's service key («Сервисный ключ доступа»). Required when communities or queries are
    /// configured. Never put it in a committed file: set <c>Sources__Vk__ServiceToken</c>. Default empty.
    /// </summary>
    public string ServiceToken { get; set; } = "";

    /// <summary>API root; tests point it at a loopback server. Default <c>https://api.vk.com/</c>.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.vk.com/";

    /// <summary>
    /// Communities whose walls (and comments) are read: a numeric id (<c>123</c> or <c>-123</c>), <c>club123</c>,
    /// a screen name (<c>alekseevka_online</c>) or a URL (<c>https://vk.com/alekseevka_online</c>). Screen names
    /// are resolved once per process with <c>groups.getById</c>. Default none.
    /// </summary>
    public List<string> Communities { get; set; } = [];

    /// <summary>Keyword queries for <c>newsfeed.search</c> over all public posts, e.g. «Алексеевка». Default none.</summary>
    public List<string> Queries { get; set; } = [];

    /// <summary>Also read comments of recent posts of the communities (source <c>vk:comments</c>). Default true.</summary>
    public bool ReadComments { get; set; } = true;

    /// <summary>How often the walls are polled (source <c>vk:walls</c>). Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often comments of recent posts are polled (source <c>vk:comments</c>). Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan CommentsPollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the search queries are polled (source <c>vk:search</c>). Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SearchPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Posts read from a community the first time it is seen (no cursor yet). Default 20.</summary>
    [Range(1, 100)]
    public int InitialPostsPerCommunity { get; set; } = 20;

    /// <summary>Posts asked for per <c>wall.get</c> call on later polls; a wall with more new posts is read in further pages. Default 25.</summary>
    [Range(1, 100)]
    public int WallPageSize { get; set; } = 25;

    /// <summary>
    /// Most posts read from one wall in one poll. A wall with more is read newest first up to this many and the
    /// rest, older, in the next polls (a warning is logged; the cursor never moves past a post not read). It
    /// bounds the work of a catch-up after a long outage. Default 300.
    /// </summary>
    [Range(1, 10000)]
    public int MaxPostsPerCommunityPerPoll { get; set; } = 300;

    /// <summary>
    /// How far behind the newest post already read each wall poll reaches back by date. Suggested («предложка»)
    /// and scheduled posts keep the id they got at creation, so once published they sit among older ids; every
    /// post dated within this window is read again (posts already stored are dropped by the pipeline, a changed
    /// text is stored as an edit). Default 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan WallOverlap { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a community whose wall VK refuses as closed, private, blocked or deleted (errors 15, 18, 19, 30,
    /// 203, 3610) is left alone before it is tried again; the operators are alerted (<c>vk-source:&lt;name&gt;</c>).
    /// Default 6 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan UnavailableCommunityPause { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Read walls through <c>execute</c>, up to 25 <c>wall.get</c> calls per request. Turn it off only if VK
    /// refuses <c>execute</c> for service keys (the documentation and the schema disagree). Default true.
    /// </summary>
    public bool UseExecute { get; set; } = true;

    /// <summary>Comments are read for posts published within this period. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan CommentsLookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Most recent posts per community whose comments are followed. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxCommentedPostsPerCommunity { get; set; } = 100;

    /// <summary>Most comments (with replies) read per post and poll. Default 1000.</summary>
    [Range(1, 100000)]
    public int MaxCommentsPerPost { get; set; } = 1000;

    /// <summary>
    /// A followed post is read again in full when its last full read is older than this, even if its comment
    /// count did not change: a comment deleted and another added between two polls leave the count equal.
    /// Bounds how late such a comment is seen. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan CommentsFullRereadInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far back the first search of a query reaches (no cursor yet). Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SearchInitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most results read per query and poll (VK pages through at most about 1000). Default 1000.</summary>
    [Range(1, 10000)]
    public int MaxSearchResultsPerQuery { get; set; } = 1000;

    /// <summary>
    /// Each search starts this long before the newest date already read, so a post VK indexes late is still
    /// found; results already stored are dropped by the pipeline. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan SearchOverlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests per second for the token, counted over every VK method. Default 3 (the service-key minimum is 5, so 3 leaves room).</summary>
    [Range(1, 100)]
    public int RequestsPerSecond { get; set; } = 3;

    /// <summary>Longest wait for one HTTP response. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a transient failure (errors 1, 6, 9, 10, timeouts, HTTP 5xx) within one call; 0 disables. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off of errors 1 and 10 and of transport failures, doubling per retry. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the doubling back-off. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after error 6 (too many requests per second) before the retry. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TooManyRequestsDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after error 9 (flood control) before the retry. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FloodControlDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the token rests after a captcha (14) or validation (17) request. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TokenPause { get; set; } = TimeSpan.FromMinutes(15);
}
