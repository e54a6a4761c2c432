using Mcu.Monitor.Answers;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Reports;

/// <summary>
/// A SQLite store seeded row by row for the report tests, and the metrics over it with the shipped routing, working
/// calendar (09:00–18:00, lunch 13–14, Europe/Moscow) and residents' reply phrases.
/// </summary>
public sealed class ReportSeed : IDisposable
{
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public ReportSeed(DateTimeOffset now, ReportsOptions? options = null)
    {
        Time = new FakeTimeProvider(now);
        Store = new TestStore(Time);
        Routing = TestConfiguration.Routing();
        Calendar = new WorkingCalendar(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), Moscow);
        Options = options ?? new ReportsOptions();
        Metrics = new ReportMetrics(Store.Database, Calendar, [], Options, Routing,
            new ResidentReplyClassifier(TestConfiguration.Bind<ResidentReplyOptions>(ResidentReplyOptions.SectionName)), Time);
    }

    public FakeTimeProvider Time { get; }

    public TestStore Store { get; }

    public RoutingOptions Routing { get; }

    public WorkingCalendar Calendar { get; }

    public ReportsOptions Options { get; }

    public ReportMetrics Metrics { get; }

    /// <summary>A moment in Moscow time, 2026.</summary>
    public static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3));

    public void Post(string key, DateTimeOffset published, string? author = null, string? parent = null, string text = "текст",
        string? sector = null, bool appeal = false) =>
        Insert(Store.Database, key, published, author, parent, text, sector, appeal);

    public static void Insert(SqliteDatabase database, string key, DateTimeOffset published, string? author = null, string? parent = null, string text = "текст",
        string? sector = null, bool appeal = false)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO posts (key, municipality, network, source_id, kind, parent_key, author_id, published_at, text, content_hash, stored_at)
            VALUES ($key, 'test-mun', $network, 'test', $kind, $parent, $author, $published, $text, $key, $published);
            INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
            SELECT $key, 'test-mun', $sector, $appeal, 'Low', 0, '[]', 'test', $published WHERE $sector IS NOT NULL;
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$network", key.Split(':')[0]);
        command.Parameters.AddWithValue("$kind", parent is null ? "post" : "comment");
        command.Parameters.AddWithValue("$parent", (object?)parent ?? DBNull.Value);
        command.Parameters.AddWithValue("$author", (object?)author ?? DBNull.Value);
        command.Parameters.AddWithValue("$published", SqliteDatabase.ToDb(published));
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$sector", (object?)sector ?? DBNull.Value);
        command.Parameters.AddWithValue("$appeal", appeal ? 1 : 0);
        command.ExecuteNonQuery();
    }

    /// <summary>An incident with its own appeal post (key <c>vk:-1:p{id}</c> unless given), published when it opened.</summary>
    public void Incident(
        long id, string recipient, string sector, string status, DateTimeOffset opened, DateTimeOffset due,
        DateTimeOffset? reaction = null, DateTimeOffset? answered = null, int? score = null, int reopens = 0,
        DateTimeOffset? clockStarted = null, DateTimeOffset? answerDue = null, string? postKey = null) =>
        InsertIncident(Store.Database, id, recipient, sector, status, opened, due, reaction, answered, score, reopens, clockStarted, answerDue, postKey);

    public static void InsertIncident(
        SqliteDatabase database, long id, string recipient, string sector, string status, DateTimeOffset opened, DateTimeOffset due,
        DateTimeOffset? reaction = null, DateTimeOffset? answered = null, int? score = null, int reopens = 0,
        DateTimeOffset? clockStarted = null, DateTimeOffset? answerDue = null, string? postKey = null)
    {
        var key = postKey ?? $"vk:-1:p{id}";
        Insert(database, key, opened, author: "id" + id, sector: sector, appeal: true);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO incidents (id, municipality, post_key, sector, recipient_id, priority, risk_level, status, opened_at, due_at, routing_reason,
                updated_at, answer_due_at, clock_started_at, cycle, first_reaction_at, answered_at, closed_at, reopen_count, answer_score)
            VALUES ($id, 'test-mun', $key, $sector, $recipient, 'Normal', 'Low', $status, $opened, $due, 'test',
                $opened, $answerDue, $clock, $reopens, $reaction, $answered, NULL, $reopens, $score)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$sector", sector);
        command.Parameters.AddWithValue("$recipient", recipient);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$opened", SqliteDatabase.ToDb(opened));
        command.Parameters.AddWithValue("$due", SqliteDatabase.ToDb(due));
        command.Parameters.AddWithValue("$answerDue", SqliteDatabase.ToDb(answerDue ?? due.AddDays(3)));
        command.Parameters.AddWithValue("$clock", SqliteDatabase.ToDb(clockStarted ?? opened));
        command.Parameters.AddWithValue("$reopens", reopens);
        command.Parameters.AddWithValue("$reaction", reaction is { } r ? SqliteDatabase.ToDb(r) : DBNull.Value);
        command.Parameters.AddWithValue("$answered", answered is { } a ? SqliteDatabase.ToDb(a) : DBNull.Value);
        command.Parameters.AddWithValue("$score", (object?)score ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The week 2026-W48 (Monday 23 – Sunday 29 November) reckoned on Tuesday 1 December 12:00 MSK. Every number the
    /// tests expect is worked out in the comments here.
    /// </summary>
    public static ReportSeed Week48()
    {
        var seed = new ReportSeed(Msk(12, 1, 12), new ReportsOptions { RecipientPages = { ["roads"] = "vk:-555" } });

        // zhkh: five incidents in the week.
        // #1 Mon 10:00, reacted Mon 12:00 = 2.0 working hours, due 15:00: in time; answered, completeness 70, a thank-you after.
        seed.Incident(1, "zhkh", "zhkh", "Answered", Msk(11, 23, 10), Msk(11, 23, 15), reaction: Msk(11, 23, 12), answered: Msk(11, 23, 16), score: 70);
        seed.Post("vk:-1:c1", Msk(11, 23, 17), author: "id1", parent: "vk:-1:p1", text: "Спасибо, всё сделали");
        // #2 on OK, Fri 27 17:00, answered with no separate reaction Mon 30 10:30: Fri 17–18 (1 h) + Mon 9–10:30 (1.5 h) = 2.5 h,
        // due Mon 12:00: in time; completeness 60; a neighbour then writes nothing was done: not satisfied.
        seed.Incident(2, "zhkh", "zhkh", "Closed", Msk(11, 27, 17), Msk(11, 30, 12), answered: Msk(11, 30, 10, 30), score: 60, postKey: "ok:777:p2");
        seed.Post("ok:777:c9", Msk(11, 30, 11), author: "u42", parent: "ok:777:p2", text: "До сих пор не починили, воды нет");
        // #3 Tue 24 09:00, due 17:00, reacted Wed 25 10:00: Tue 8 h + Wed 1 h = 9.0 h, late; in work, answer due Thu 26 18:00: overdue.
        seed.Incident(3, "zhkh", "zhkh", "InProgress", Msk(11, 24, 9), Msk(11, 24, 17), reaction: Msk(11, 25, 10), answerDue: Msk(11, 26, 18));
        // #4 Wed 25 11:00, reopened Thu 26 09:00 (the clock restarts), reacted 12:30 = 3.5 h, due 13:00: in time; answered 15:00, completeness 100.
        seed.Incident(4, "zhkh", "zhkh", "Answered", Msk(11, 25, 11), Msk(11, 26, 13), reaction: Msk(11, 26, 12, 30), answered: Msk(11, 26, 15), score: 100,
            reopens: 1, clockStarted: Msk(11, 26, 9));
        // #5 Sun 29 20:00, nobody reacted, due Mon 30 17:00: missed, and overdue.
        seed.Incident(5, "zhkh", "zhkh", "New", Msk(11, 29, 20), Msk(11, 30, 17));

        // roads: #6 Tue 24 14:00, reacted 15:00 = 1.0 h, in time, answered, completeness 50; #7 rejected with no reaction: no deadline outcome.
        seed.Incident(6, "roads", "roads", "Closed", Msk(11, 24, 14), Msk(11, 24, 18), reaction: Msk(11, 24, 15), answered: Msk(11, 25, 10), score: 50);
        seed.Incident(7, "roads", "roads", "Rejected", Msk(11, 25, 9), Msk(11, 25, 18));

        // Perfect incidents: reacted and answered in 1.0 h, in time, completeness 100. tko-operator has two, education and social one each.
        foreach (var (id, recipient, sector) in new[] { (8L, "education", "education"), (9L, "social", "social"), (10L, "tko-operator", "tko"), (11L, "tko-operator", "tko") })
        {
            seed.Incident(id, recipient, sector, "Closed", Msk(11, 23, 10), Msk(11, 23, 18), reaction: Msk(11, 23, 11), answered: Msk(11, 23, 11), score: 100);
        }

        // Outside the week: #12 opened Fri 20 (overdue since Fri 14:00, so on the overdue list), #13 opened Mon 30 (after the week: not listed).
        seed.Incident(12, "zhkh", "zhkh", "Assigned", Msk(11, 20, 10), Msk(11, 20, 14));
        seed.Incident(13, "zhkh", "zhkh", "New", Msk(11, 30, 9, 30), Msk(11, 30, 11));

        // The roads department's page vk:-555: posts A (Mon 23) and B (Thu 26) in the week, an older one (Fri 20) before it.
        seed.Post("vk:-555:old", Msk(11, 20, 10), author: "-555");
        seed.Post("vk:-555:A", Msk(11, 23, 10), author: "-555");
        seed.Post("vk:-555:B", Msk(11, 26, 10), author: "-555");
        // Residents' comments: c1 Mon 11:00 answered 11:30 (0.5 h); c2 Mon 17:30 answered Tue 09:30 (0.5 + 0.5 = 1.0 h);
        // c3 Thu 12:00 never answered; c4 Sat 28 12:00 under the old post answered Mon 30 10:00 (the weekend counts nothing: 1.0 h).
        seed.Post("vk:-555:c1", Msk(11, 23, 11), author: "id901", parent: "vk:-555:A");
        seed.Post("vk:-555:a1", Msk(11, 23, 11, 30), author: "-555", parent: "vk:-555:A");
        seed.Post("vk:-555:c2", Msk(11, 23, 17, 30), author: "id902", parent: "vk:-555:A");
        seed.Post("vk:-555:a2", Msk(11, 24, 9, 30), author: "-555", parent: "vk:-555:A");
        seed.Post("vk:-555:c3", Msk(11, 26, 12), author: "id903", parent: "vk:-555:B");
        seed.Post("vk:-555:c4", Msk(11, 28, 12), author: "id904", parent: "vk:-555:old");
        seed.Post("vk:-555:a4", Msk(11, 30, 10), author: "-555", parent: "vk:-555:old");

        // A Telegram message about transport that is not an appeal.
        seed.Post("telegram:alekseevka_chat:5", Msk(11, 24, 8), author: "tg1", sector: "transport");
        return seed;
    }

    public void Dispose() => Store.Dispose();
}
