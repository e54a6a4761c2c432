using Mcu.Monitor.Answers;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Reports;

/// <summary>
/// The indicators of a period, read from the SQLite system of record (issue #7). Definitions:
/// <list type="bullet">
/// <item><b>Messages</b>: posts and comments published in the period, except the official accounts' own
/// (<c>Sources:OfficialAccounts</c> and <c>Reports:RecipientPages</c>, recognised as <see cref="OfficialAccounts.NameOf"/> does);
/// by network and by the classifier's sector; <b>appeals</b> are those classified as appeals.</item>
/// <item><b>Incidents received</b>: opened in the period, counted for their current recipient.</item>
/// <item><b>Reaction time</b>: working hours on the <see cref="WorkingCalendar"/> from the start of the incident's current
/// clock (its opening; or its last reassignment or reopening, which restart the clocks) to the first reaction (taken in
/// work, or the answer when there was no separate reaction). Median, and 90th percentile by nearest rank
/// (<see cref="ReportStatistics"/>).</item>
/// <item><b>Within deadline</b>: the reaction came by the reaction deadline (<c>due_at</c>). An incident with no reaction
/// counts as missed once its deadline has passed, and not at all before.</item>
/// <item><b>Answered</b>: has an official answer now. <b>Completeness</b>: mean <c>answer_score</c> (0..100) of the
/// answers. <b>Reopened</b>: <c>reopen_count</c> &gt; 0.</item>
/// <item><b>Satisfaction proxy</b>: among incidents ever answered (answered now, or answered and then reopened), the
/// share answered now, never reopened, and with no resident's reply in the thread after the answer that says nothing was
/// done (<see cref="ResidentReplyClassifier"/>, <see cref="ResidentReplyKind.NothingDone"/>). Such a reply from the
/// appeal's author reopens the incident anyway; this also catches neighbours who say so.</item>
/// <item><b>Overdue</b>: open, and past the running deadline (the reaction's before a reaction, the answer's after) at
/// the moment of reckoning, which is now: a report shows incidents as they stand when it is made.</item>
/// </list>
/// </summary>
public sealed class ReportMetrics
{
    private static readonly string[] OpenStatuses =
        [.. Enum.GetValues<IncidentStatus>().Where(IncidentLifecycle.IsOpen).Select(s => s.ToString())];

    private readonly SqliteDatabase _database;
    private readonly WorkingCalendar _calendar;
    private readonly ResidentReplyClassifier _replies;
    private readonly TimeProvider _time;
    private readonly RoutingOptions _routing;
    private readonly List<PageRef> _pages = [];
    private readonly HashSet<(string Network, string Owner)> _official = [];

    public ReportMetrics(
        SqliteDatabase database,
        WorkingCalendar calendar,
        IEnumerable<OfficialAccountOptions> officialAccounts,
        ReportsOptions options,
        RoutingOptions routing,
        ResidentReplyClassifier replies,
        TimeProvider time)
    {
        _database = database;
        _calendar = calendar;
        _replies = replies;
        _time = time;
        _routing = routing;
        foreach (var account in officialAccounts)
        {
            if (NetworkNames.TryParse(account.Network, out var network))
            {
                AddPage(network.ToKey(), account.Owner, account.Name);
            }
        }

        foreach (var (recipient, page) in options.RecipientPages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (TryParsePage(page, out var network, out var owner))
            {
                var name = routing.Recipients.FirstOrDefault(r => r.Id == recipient)?.Name ?? recipient;
                AddPage(network, owner, name).RecipientIds.Add(recipient);
            }
        }
    }

    /// <summary>The moment of reckoning of reports made now.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public WorkingCalendar Calendar => _calendar;

    /// <summary>Parses a page reference <c>network:owner</c> (<c>vk:-123456</c>, <c>telegram:alekseevka_news</c>).</summary>
    public static bool TryParsePage(string? value, out string network, out string owner)
    {
        (network, owner) = ("", "");
        var separator = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator <= 0 || separator == value!.Length - 1 || !NetworkNames.TryParse(value[..separator], out var parsed))
        {
            return false;
        }

        (network, owner) = (parsed.ToKey(), value[(separator + 1)..].Trim());
        return owner.Length > 0;
    }

    /// <summary>Everything for one period, as of <paramref name="asOf"/> (default now).</summary>
    public PeriodIndicators Compute(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        var at = asOf ?? Now;
        var messages = Messages(period);
        var incidents = Incidents(period, at);
        var pages = OfficialPages(period, at);
        return new PeriodIndicators(
            period,
            at,
            messages.Sum(m => m.Messages),
            messages.Sum(m => m.Appeals),
            messages,
            IncidentStats.Of(incidents),
            Recipients(incidents, pages),
            pages,
            Overdue(period, at));
    }

    /// <summary>Residents' messages of the period by network and sector (networks vk, ok, telegram first, then sectors by id).</summary>
    public IReadOnlyList<MessageCount> Messages(ReportPeriod period)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.key, p.network, p.kind, p.author_id, COALESCE(c.sector, 'other'), COALESCE(c.is_appeal, 0)
            FROM posts p LEFT JOIN classifications c ON c.post_key = p.key
            WHERE p.published_at >= $from AND p.published_at < $to
            """;
        AddPeriod(command, period);
        var counts = new Dictionary<(string Network, string Sector), (int Messages, int Appeals)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var network = reader.GetString(1);
            if (IsOfficial(network, OwnerOf(reader.GetString(0)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)))
            {
                continue;
            }

            var key = (network, reader.GetString(4));
            var (messages, appeals) = counts.GetValueOrDefault(key);
            counts[key] = (messages + 1, appeals + (reader.GetInt64(5) != 0 ? 1 : 0));
        }

        return [.. counts
            .OrderBy(c => NetworkOrder(c.Key.Network)).ThenBy(c => c.Key.Network, StringComparer.Ordinal).ThenBy(c => c.Key.Sector, StringComparer.Ordinal)
            .Select(c => new MessageCount(c.Key.Network, c.Key.Sector, c.Value.Messages, c.Value.Appeals))];
    }

    /// <summary>Incidents opened in the period, by id, with their computed indicators as of <paramref name="asOf"/> (default now).</summary>
    public IReadOnlyList<IncidentFacts> Incidents(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        using var connection = _database.Open();
        return Load(connection, "i.opened_at >= $from AND i.opened_at < $to", period, asOf ?? Now);
    }

    /// <summary>Incidents opened before the period's end, open and past their running deadline at <paramref name="asOf"/>; most overdue first.</summary>
    public IReadOnlyList<IncidentFacts> Overdue(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        using var connection = _database.Open();
        var statuses = string.Join(", ", OpenStatuses.Select(s => $"'{s}'"));
        return [.. Load(connection, $"i.opened_at < $to AND i.status IN ({statuses})", period, asOf ?? Now)
            .Where(i => i.Overdue)
            .OrderBy(i => i.RunningDeadline)
            .ThenBy(i => i.Id)];
    }

    /// <summary>Per recipient: every recipient of <c>Routing:Recipients</c> in registry order, then any other recipient id the incidents carry.</summary>
    public IReadOnlyList<RecipientMetrics> Recipients(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        var at = asOf ?? Now;
        return Recipients(Incidents(period, at), OfficialPages(period, at));
    }

    /// <summary>Every official page (configured accounts in order, then pages known only from <c>Reports:RecipientPages</c>).</summary>
    public IReadOnlyList<OfficialPageActivity> OfficialPages(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        var at = asOf ?? Now;
        using var connection = _database.Open();
        return [.. _pages.Select(page => PageActivity(connection, page, period, at))];
    }

    private List<RecipientMetrics> Recipients(IReadOnlyList<IncidentFacts> incidents, IReadOnlyList<OfficialPageActivity> pages)
    {
        var ids = _routing.Recipients.Select(r => r.Id).ToList();
        ids.AddRange(incidents.Select(i => i.RecipientId).Where(id => !ids.Contains(id)).Distinct().Order(StringComparer.Ordinal));
        return [.. ids.Select(id => new RecipientMetrics(
            id,
            _routing.Recipients.FirstOrDefault(r => r.Id == id)?.Name ?? id,
            IncidentStats.Of(incidents.Where(i => i.RecipientId == id)),
            pages.FirstOrDefault(p => p.RecipientIds.Contains(id))))];
    }

    private List<IncidentFacts> Load(SqliteConnection connection, string where, ReportPeriod period, DateTimeOffset asOf)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT i.id, i.recipient_id, i.sector, p.network, i.status, i.priority, i.opened_at, COALESCE(i.clock_started_at, i.opened_at),
                   i.due_at, COALESCE(i.answer_due_at, i.due_at), i.first_reaction_at, i.answered_at, i.closed_at, i.reopen_count,
                   i.answer_score, i.post_key, p.url, p.kind, p.parent_key, i.answer_post_key
            FROM incidents i JOIN posts p ON p.key = i.post_key
            WHERE {where}
            ORDER BY i.id
            """;
        AddPeriod(command, period);
        var rows = new List<(IncidentFacts Facts, string Thread, string? AnswerPost)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var facts = new IncidentFacts(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    Time(reader, 6)!.Value, Time(reader, 7)!.Value, Time(reader, 8)!.Value, Time(reader, 9)!.Value,
                    Time(reader, 10), Time(reader, 11), Time(reader, 12), reader.GetInt32(13),
                    reader.IsDBNull(14) ? null : reader.GetInt32(14), reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16));
                var thread = reader.GetString(17) == "comment" && !reader.IsDBNull(18) ? reader.GetString(18) : facts.PostKey;
                rows.Add((facts, thread, reader.IsDBNull(19) ? null : reader.GetString(19)));
            }
        }

        return [.. rows.Select(row => Reckon(connection, row.Facts, row.Thread, row.AnswerPost, asOf))];
    }

    private IncidentFacts Reckon(SqliteConnection connection, IncidentFacts facts, string thread, string? answerPost, DateTimeOffset asOf)
    {
        var open = Enum.TryParse<IncidentStatus>(facts.Status, out var status) && IncidentLifecycle.IsOpen(status);
        double? hours = facts.ReactionAt is { } reaction ? _calendar.WorkingTimeBetween(facts.ClockStartedAt, reaction).TotalHours : null;
        bool? within = facts.ReactionAt is { } at ? at <= facts.DueAt : open && facts.DueAt <= asOf ? false : null;
        bool? satisfied = !facts.EverAnswered ? null
            : facts.Answered && !facts.Reopened && !NothingDoneAfter(connection, thread, facts.AnsweredAt!.Value, answerPost);
        return facts with
        {
            ReactionHours = hours,
            WithinDeadline = within,
            Satisfied = satisfied,
            Overdue = open && facts.RunningDeadline < asOf,
        };
    }

    /// <summary>A resident (not an official account, not the thread's own community) wrote in the thread after the answer that nothing was done.</summary>
    private bool NothingDoneAfter(SqliteConnection connection, string thread, DateTimeOffset answeredAt, string? answerPost)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT key, network, author_id, text FROM posts
            WHERE parent_key = $thread AND published_at > $answered AND ($answerPost IS NULL OR key <> $answerPost)
            """;
        command.Parameters.AddWithValue("$thread", thread);
        command.Parameters.AddWithValue("$answered", SqliteDatabase.ToDb(answeredAt));
        command.Parameters.AddWithValue("$answerPost", (object?)answerPost ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var owner = OwnerOf(reader.GetString(0));
            var author = reader.IsDBNull(2) ? null : reader.GetString(2);
            if (IsOfficial(reader.GetString(1), owner, "comment", author) || string.Equals(author, owner, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (_replies.Classify(reader.GetString(3)).Kind == ResidentReplyKind.NothingDone)
            {
                return true;
            }
        }

        return false;
    }

    private OfficialPageActivity PageActivity(SqliteConnection connection, PageRef page, ReportPeriod period, DateTimeOffset asOf)
    {
        // The page's own posts: written by the page, or on its own wall with no other author (as OfficialAccounts.NameOf).
        const string OwnPost = """
            {0}.network = $network AND {0}.kind = 'post'
            AND (lower({0}.author_id) = $owner OR (COALESCE({0}.author_id, '') = '' AND lower(substr({0}.key, 1, length($prefix))) = $prefix))
            """;
        using var posts = connection.CreateCommand();
        posts.CommandText = $"SELECT COUNT(*) FROM posts p WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, OwnPost, "p")} AND p.published_at >= $from AND p.published_at < $to";
        AddPage(posts, page, period);
        var postCount = Convert.ToInt32(posts.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        using var comments = connection.CreateCommand();
        comments.CommandText = $"""
            SELECT c.key, c.author_id, c.published_at,
                   (SELECT MIN(a.published_at) FROM posts a
                    WHERE a.parent_key = c.parent_key AND lower(a.author_id) = $owner AND a.published_at > c.published_at AND a.published_at <= $asOf)
            FROM posts c JOIN posts p ON p.key = c.parent_key
            WHERE c.kind = 'comment' AND c.published_at >= $from AND c.published_at < $to
              AND {string.Format(System.Globalization.CultureInfo.InvariantCulture, OwnPost, "p")}
            """;
        AddPage(comments, page, period);
        comments.Parameters.AddWithValue("$asOf", SqliteDatabase.ToDb(asOf));
        var (resident, answered) = (0, 0);
        var hours = new List<double>();
        using (var reader = comments.ExecuteReader())
        {
            while (reader.Read())
            {
                var author = reader.IsDBNull(1) ? null : reader.GetString(1);
                if (IsOfficial(page.Network, page.Owner, "comment", author))
                {
                    continue;
                }

                resident++;
                if (Time(reader, 3) is { } answer)
                {
                    answered++;
                    hours.Add(_calendar.WorkingTimeBetween(Time(reader, 2)!.Value, answer).TotalHours);
                }
            }
        }

        return new OfficialPageActivity(page.Network, page.Owner, page.Name, [.. page.RecipientIds], postCount,
            period.Weeks > 0 ? postCount / period.Weeks : 0, resident, answered, ReportStatistics.Median(hours));
    }

    private PageRef AddPage(string network, string owner, string name)
    {
        var key = (network, owner.Trim().ToLowerInvariant());
        if (_pages.FirstOrDefault(p => p.Network == network && p.OwnerKey == key.Item2) is { } existing)
        {
            return existing;
        }

        _official.Add(key);
        var page = new PageRef(network, owner.Trim(), key.Item2, name, []);
        _pages.Add(page);
        return page;
    }

    /// <summary>A post of an official account: by the account, or an authorless post on its own wall (the weekly note leaves these out too).</summary>
    internal bool IsOfficialPost(string network, string key, string kind, string? author) => IsOfficial(network, OwnerOf(key), kind, author);

    private bool IsOfficial(string network, string owner, string kind, string? author) =>
        author is { Length: > 0 }
            ? _official.Contains((network, author.ToLowerInvariant()))
            : kind == "post" && _official.Contains((network, owner.ToLowerInvariant()));

    private static void AddPage(SqliteCommand command, PageRef page, ReportPeriod period)
    {
        AddPeriod(command, period);
        command.Parameters.AddWithValue("$network", page.Network);
        command.Parameters.AddWithValue("$owner", page.OwnerKey);
        command.Parameters.AddWithValue("$prefix", $"{page.Network}:{page.OwnerKey}:");
    }

    private static void AddPeriod(SqliteCommand command, ReportPeriod period)
    {
        command.Parameters.AddWithValue("$from", SqliteDatabase.ToDb(period.From));
        command.Parameters.AddWithValue("$to", SqliteDatabase.ToDb(period.To));
    }

    private static string OwnerOf(string key) => PostKey.TryParse(key, out var parsed) ? parsed.Owner : "";

    private static int NetworkOrder(string network) => network switch { "vk" => 0, "ok" => 1, "telegram" => 2, _ => 3 };

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : SqliteDatabase.FromDb(reader.GetString(ordinal));

    private sealed record PageRef(string Network, string Owner, string OwnerKey, string Name, List<string> RecipientIds);
}
