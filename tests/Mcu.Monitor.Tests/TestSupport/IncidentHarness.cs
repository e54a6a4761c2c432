using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>
/// Incidents on a temporary SQLite store with the shipped routing and working calendar (Europe/Moscow) and a
/// fake clock: open an incident at a chosen moment, act on it, run the deadline watcher.
/// </summary>
public sealed class IncidentHarness : IDisposable
{
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public IncidentHarness(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        Store = new TestStore(Time);
        Routing = TestConfiguration.Routing();
        Calendar = new WorkingCalendar(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), Moscow);
        Clock = new IncidentClock(new DeadlineOptions(), Calendar, Routing);
        Transitions = new IncidentTransitions(Clock, Routing);
        Service = new IncidentService(Store.Database, Transitions, Time);
        Rules = new DeadlineRules(Clock, Routing);
        Watcher = new DeadlineWatcher(Store.Database, Rules, Time, NullLogger<DeadlineWatcher>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public TestStore Store { get; }

    public RoutingOptions Routing { get; }

    public WorkingCalendar Calendar { get; }

    public IncidentClock Clock { get; }

    public IncidentTransitions Transitions { get; }

    public IncidentService Service { get; }

    public DeadlineRules Rules { get; }

    public DeadlineWatcher Watcher { get; }

    /// <summary>Opens an incident for a new appeal published now; returns its id.</summary>
    public async Task<long> OpenAsync(string postId, string recipient = "zhkh", Priority priority = Priority.Normal)
    {
        var now = Time.GetUtcNow();
        var processed = TestPosts.Processed(postId, appeal: true);
        var post = processed.Post with { PublishedAt = now };
        var incident = processed.Incident!.Incident with
        {
            PostKey = post.Key,
            RecipientId = recipient,
            Priority = priority,
            OpenedAt = now,
            DueAt = Clock.ReactionDue(priority, now, recipient),
            AnswerDueAt = Clock.AnswerDue(priority, now, recipient),
        };
        var item = processed with { Post = post, Incident = new IncidentPlan(incident, $"{IncidentPlanner.AlertKindOpened}:{post.Key}") };
        await Store.Store.CommitAsync("file:test", [item], null, CancellationToken.None);
        return Store.Count($"SELECT id FROM incidents WHERE post_key = '{post.Key}'");
    }

    public IncidentCommandResult Act(long id, IncidentAction action, string actor = "officer", string? reason = null, string? recipient = null) =>
        Service.Execute(new IncidentCommand(id, action, actor, Time.GetUtcNow()) { Reason = reason, RecipientId = recipient });

    public string Scalar(string sql)
    {
        using var connection = Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Alert keys in the outbox, in order.</summary>
    public IReadOnlyList<string> AlertKeys()
    {
        using var connection = Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key FROM alert_outbox ORDER BY id";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public static DateTimeOffset Msk(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(3));

    public void Dispose() => Store.Dispose();
}
