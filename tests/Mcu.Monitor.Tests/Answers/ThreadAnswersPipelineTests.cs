using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Answers;

/// <summary>
/// Answer tracking end to end on the recorded VK threads: the complaint and then its comments go through the real
/// pipeline into the store, and the incident the complaint opened is answered at the official comment's own time,
/// scored, and reopened when a resident writes that nothing was done.
/// </summary>
public sealed class ThreadAnswersPipelineTests
{
    [Fact]
    public async Task CompleteAnswerThenThanks_IncidentAnsweredAtTheCommentsTimeWithItsScore()
    {
        var thread = RecordedThread.Load("wall.getComments.01-leak-good-answer-thanks.team-written.json", 500000101,
            "Третий день из колодца на Мостовой течёт вода, вся дорога во льду. Прошу устранить, когда починят?");
        using var run = await IngestAsync(thread);

        var answer = thread.CommentById("9003");
        Assert.Equal("Answered", run.Incident("status"));
        Assert.Equal(SqliteDatabase.ToDb(answer.PublishedAt), run.Incident("answered_at"));
        Assert.Equal(answer.Key.ToString(), run.Incident("answer_post_key"));
        Assert.Equal("100", run.Incident("answer_score"));
        Assert.Contains("приложено: фото", run.Incident("answer_details"), StringComparison.Ordinal);
        Assert.Equal("official:Администрация Алексеевского городского округа", run.Event("answered", "actor"));
        Assert.Equal(SqliteDatabase.ToDb(answer.PublishedAt), run.Event("answered", "at"));
        Assert.Equal("", run.Event("reopened", "id"));
    }

    [Fact]
    public async Task FormalAnswerThenNothingDone_IncidentReopenedWithANewCycleAndAnAlert()
    {
        var thread = RecordedThread.Load("wall.getComments.02-garbage-formal-nothing-done.team-written.json", 500000103,
            "Контейнерная площадка на Садовой переполнена, мусор не вывозят неделю! Прошу принять меры");
        using var run = await IngestAsync(thread);

        Assert.Equal("0", run.Incident("answer_score"));
        Assert.Contains("\"formal\":true", run.Incident("answer_details"), StringComparison.Ordinal);
        Assert.Equal("Reopened", run.Incident("status"));
        Assert.Equal("1", run.Incident("reopen_count"));
        Assert.Equal("1", run.Incident("cycle"));
        Assert.StartsWith("resident:", run.Event("reopened", "actor"), StringComparison.Ordinal);
        Assert.Equal(1, run.Count("SELECT COUNT(*) FROM alert_outbox WHERE kind = 'incident.reopened'"));
        // The «nothing was done» comment joined the reopened incident instead of opening one of its own.
        Assert.Equal(1, run.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task DoneWithPhotoThenNothingDone_Reopens()
    {
        var thread = RecordedThread.Load("wall.getComments.05-pothole-done-photo-nothing-done.team-written.json", 500000106,
            "Яма на Победы у остановки, уже две машины пробили колёса. Прошу отремонтировать");
        using var run = await IngestAsync(thread);

        Assert.Equal("Reopened", run.Incident("status"));
        Assert.Equal(2, run.Count("SELECT COUNT(*) FROM incident_events WHERE type IN ('answered', 'reopened')"));
    }

    [Fact]
    public async Task ReplayedThread_ChangesNothingTheSecondTime()
    {
        var thread = RecordedThread.Load("wall.getComments.02-garbage-formal-nothing-done.team-written.json", 500000103,
            "Контейнерная площадка на Садовой переполнена, мусор не вывозят неделю! Прошу принять меры");
        using var run = await IngestAsync(thread);
        var events = run.Count("SELECT COUNT(*) FROM incident_events");

        await run.Pipeline.RunAsync("vk:test", TestPipeline.Items([thread.Complaint, .. thread.Comments.OrderBy(c => c.PublishedAt)]), CancellationToken.None);

        Assert.Equal(events, run.Count("SELECT COUNT(*) FROM incident_events"));
    }

    private static async Task<Run> IngestAsync(RecordedThread thread)
    {
        var run = new Run();
        var summary = await run.Pipeline.RunAsync("vk:test", TestPipeline.Items([thread.Complaint, .. thread.Comments.OrderBy(c => c.PublishedAt)]), CancellationToken.None);
        Assert.True(summary.IncidentsOpened >= 1, "the complaint should open an incident");
        return run;
    }

    private sealed class Run : IDisposable
    {
        private readonly TestStore _store;
        private readonly SqlitePostStore _posts;

        public Run()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            _store = new TestStore(time);
            var routing = TestConfiguration.Routing();
            var transitions = new IncidentTransitions(new IncidentClock(new DeadlineOptions(), null), routing);
            var accounts = new OfficialAccounts([new OfficialAccountOptions { Network = "vk", Owner = "-200000099", Name = "МУП «Водоканал»" }]);
            var threads = new ThreadAnswers(AnswerTestSetup.Detector(accounts), AnswerTestSetup.Replies(), transitions);
            _posts = new SqlitePostStore(_store.Database, Options.Create(new MunicipalityOptions { Id = "alekseevsky" }), time, null, null, threads);
            Pipeline = TestPipeline.Create(_posts, time: time);
        }

        public Mcu.Monitor.Pipeline.IngestPipeline Pipeline { get; }

        public string Incident(string column) => Scalar($"SELECT {column} FROM incidents ORDER BY id LIMIT 1");

        public string Event(string type, string column) => Scalar($"SELECT {column} FROM incident_events WHERE type = '{type}' ORDER BY id LIMIT 1");

        public long Count(string sql) => _store.Count(sql);

        public void Dispose()
        {
            _posts.Dispose();
            _store.Dispose();
        }

        private string Scalar(string sql)
        {
            using var connection = _store.Database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }
}
