using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Tests.TestSupport;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Incidents;

/// <summary>Deadlines, reminders and escalation on the shipped calendar with a fake clock.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task Deadline_AcrossAPublicHolidayAndAWeekend()
    {
        // Tuesday 3 November 2026, 16:00; 4 November is a public holiday (calendar.json).
        using var harness = new IncidentHarness(Msk(2026, 11, 3, 16));
        var id = await harness.OpenAsync("1");

        // 24 working hours: Tue 16–18 (2), Wed holiday, Thu 8 (10), Fri 8 (18), weekend, Mon 9–13 and 14–16 (24).
        Assert.Equal(SqliteTime(Msk(2026, 11, 9, 16)), harness.Scalar($"SELECT due_at FROM incidents WHERE id = {id}"));
        // 56 working hours to the final answer: … Mon 18:00 (26), Tue–Fri 32 (58 at Fri 18:00) → Fri 16:00.
        Assert.Equal(SqliteTime(Msk(2026, 11, 13, 16)), harness.Scalar($"SELECT answer_due_at FROM incidents WHERE id = {id}"));
    }

    [Fact]
    public void Deadline_RoundTheClockRecipientCountsPlainHours()
    {
        var routing = TestConfiguration.Routing();
        routing.Recipients.Add(new Mcu.Monitor.Routing.RecipientOptions { Id = "edds", Name = "ЕДДС", RoundTheClock = true });
        var calendar = new WorkingCalendar(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), Moscow);
        var clock = new IncidentClock(new DeadlineOptions(), calendar, routing);
        var saturdayNight = Msk(2026, 11, 21, 23);

        Assert.Equal(saturdayNight.AddHours(4), clock.ReactionDue(Priority.Critical, saturdayNight, "edds"));
        Assert.Equal(Msk(2026, 11, 23, 13), clock.ReactionDue(Priority.Critical, saturdayNight, "zhkh")); // Monday 9–13
    }

    [Fact]
    public async Task ReminderAndEscalations_FireAtTheRightMinute()
    {
        // Monday 23 November 2026, 10:00, Critical: reaction due in 4 working hours = 15:00 (lunch 13–14).
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1", recipient: "gas", priority: Priority.Critical);
        Assert.Equal(SqliteTime(Msk(2026, 11, 23, 15)), harness.Scalar($"SELECT due_at FROM incidents WHERE id = {id}"));

        var fired = new Dictionary<string, DateTimeOffset>();
        for (var minute = Msk(2026, 11, 23, 10); minute <= Msk(2026, 11, 24, 18); minute = minute.AddMinutes(1))
        {
            harness.Time.SetUtcNow(minute);
            harness.Watcher.Check();
            foreach (var key in harness.AlertKeys().Where(k => !fired.ContainsKey(k)))
            {
                fired[key] = minute;
            }
        }

        // Reminder an hour before; the ladder gas → zhkh → mcu-head → curator, one rung per 4 working hours.
        Assert.Equal(Msk(2026, 11, 23, 14), fired[$"incident.reminder:{id}:0:reaction:0"]);
        Assert.Equal(Msk(2026, 11, 23, 15), fired[$"incident.escalated:{id}:0:reaction:1"]);
        Assert.Equal(Msk(2026, 11, 24, 10), fired[$"incident.escalated:{id}:0:reaction:2"]); // 15–18 (3) + Tue 9–10 (1)
        Assert.Equal(Msk(2026, 11, 24, 15), fired[$"incident.escalated:{id}:0:reaction:3"]);
        Assert.Equal(5, fired.Count); // the opening alert and these four, each once

        Assert.Equal("zhkh", harness.Scalar($"SELECT recipient_id FROM alert_outbox WHERE idempotency_key = 'incident.escalated:{id}:0:reaction:1'"));
        Assert.Equal("curator", harness.Scalar($"SELECT recipient_id FROM alert_outbox WHERE idempotency_key = 'incident.escalated:{id}:0:reaction:3'"));
        Assert.Equal("3", harness.Scalar($"SELECT escalation_level FROM incidents WHERE id = {id}"));
        Assert.Equal("4", harness.Scalar($"SELECT COUNT(*) FROM incident_events WHERE incident_id = {id} AND type IN ('reminded', 'escalated')"));
    }

    [Fact]
    public async Task TakingInWork_StopsTheReactionClockAndStartsTheAnswerClock()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1", recipient: "gas", priority: Priority.Critical);
        harness.Time.SetUtcNow(Msk(2026, 11, 23, 11));
        Assert.True(harness.Act(id, IncidentAction.TakeInWork, "telegram:42").Applied);

        harness.Time.SetUtcNow(Msk(2026, 11, 23, 16)); // past the reaction deadline (15:00), before the answer one
        harness.Watcher.Check();
        Assert.DoesNotContain(harness.AlertKeys(), k => k.Contains("reaction", StringComparison.Ordinal));

        // Critical answer: 8 working hours from 10:00 (10–13, 14–18, Tue 9–10) → Tuesday 10:00; reminded from 9:00.
        harness.Time.SetUtcNow(Msk(2026, 11, 24, 9, 30));
        harness.Watcher.Check();
        Assert.Contains($"incident.reminder:{id}:0:answer:0", harness.AlertKeys());
    }

    [Fact]
    public async Task ReopenedIncident_RestartsItsClock()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1");
        harness.Act(id, IncidentAction.TakeInWork);
        harness.Act(id, IncidentAction.Answer);

        harness.Time.SetUtcNow(Msk(2026, 11, 27, 12)); // Friday noon: the resident says nothing was done
        var reopened = harness.Act(id, IncidentAction.Reopen, "resident");

        Assert.True(reopened.Applied);
        Assert.Equal("Reopened", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal("1", harness.Scalar($"SELECT cycle FROM incidents WHERE id = {id}"));
        Assert.Equal(SqliteTime(Msk(2026, 11, 27, 12)), harness.Scalar($"SELECT clock_started_at FROM incidents WHERE id = {id}"));
        // 24 working hours from Friday 12:00: Fri 5 (12–13, 14–18), Mon 8, Tue 8, Wed 3 → Wed 12:00.
        Assert.Equal(SqliteTime(Msk(2026, 12, 2, 12)), harness.Scalar($"SELECT due_at FROM incidents WHERE id = {id}"));
        Assert.Equal("", harness.Scalar($"SELECT first_reaction_at FROM incidents WHERE id = {id}"));
        Assert.Contains($"incident.reopened:{id}:1", harness.AlertKeys());

        // The new cycle has its own reminder, keyed by the cycle, so it is not mistaken for the first one.
        harness.Time.SetUtcNow(Msk(2026, 12, 2, 11, 30));
        harness.Watcher.Check();
        Assert.Contains($"incident.reminder:{id}:1:reaction:0", harness.AlertKeys());
    }

    [Fact]
    public async Task Watcher_RunTwice_QueuesEachStepOnce()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        await harness.OpenAsync("1", recipient: "gas", priority: Priority.Critical);
        harness.Time.SetUtcNow(Msk(2026, 11, 25, 10));

        var first = harness.Watcher.Check();
        var second = harness.Watcher.Check();

        Assert.Equal(3, first); // three rungs passed while the worker was down; no reminder for a passed deadline
        Assert.Equal(0, second);
    }

    [Fact]
    public void Ladder_StopsAtTheTopAndAtALoop()
    {
        var routing = new Mcu.Monitor.Routing.RoutingOptions
        {
            DefaultRecipient = "a",
            Recipients = [new() { Id = "a", Name = "A", EscalatesTo = "b" }, new() { Id = "b", Name = "B", EscalatesTo = "a" }],
        };
        var rules = new DeadlineRules(new IncidentClock(new DeadlineOptions(), null), routing);
        Assert.Equal(["b"], rules.LadderAbove("a"));
        Assert.Empty(new DeadlineRules(new IncidentClock(new DeadlineOptions(), null), TestConfiguration.Routing()).LadderAbove("curator"));
    }

    private static string SqliteTime(DateTimeOffset value) => Mcu.Monitor.Storage.SqliteDatabase.ToDb(value);
}
