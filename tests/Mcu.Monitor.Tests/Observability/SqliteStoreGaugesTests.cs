using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Observability;

public sealed class SqliteStoreGaugesTests
{
    [Fact]
    public async Task Read_IncidentsAsTheClockRuns_OverdueOncePastTheRunningDeadline()
    {
        // Monday 23 November 2026, 10:00. Critical: reaction due 15:00 (4 working hours, lunch 13–14), answer due
        // Tuesday 10:00 (8 working hours). Normal: reaction due Thursday 10:00 (24 working hours).
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var reacted = await harness.OpenAsync("1", recipient: "gas", priority: Priority.Critical);
        var silent = await harness.OpenAsync("2", recipient: "gas", priority: Priority.Critical);
        var answered = await harness.OpenAsync("3", recipient: "gas", priority: Priority.Critical);
        var elsewhere = await harness.OpenAsync("4", recipient: "gas", priority: Priority.Critical);
        var normal = await harness.OpenAsync("5", priority: Priority.Normal);
        Assert.True(harness.Act(reacted, IncidentAction.TakeInWork).Applied);
        Assert.True(harness.Act(answered, IncidentAction.Answer).Applied);
        // Another municipality's incident in the same file (a shared database) never counts here.
        harness.Scalar($"UPDATE incidents SET municipality = 'other-mun' WHERE id = {elsewhere}");
        Assert.Equal(SqliteDatabase.ToDb(Msk(2026, 11, 23, 15)), harness.Scalar($"SELECT due_at FROM incidents WHERE id = {silent}"));
        Assert.Equal(SqliteDatabase.ToDb(Msk(2026, 11, 24, 10)), harness.Scalar($"SELECT answer_due_at FROM incidents WHERE id = {reacted}"));
        Assert.Equal(SqliteDatabase.ToDb(Msk(2026, 11, 26, 10)), harness.Scalar($"SELECT due_at FROM incidents WHERE id = {normal}"));
        var gauges = new SqliteStoreGauges(harness.Store.Database, Options.Create(new MunicipalityOptions { Id = "test-mun" }), harness.Time);

        var opened = gauges.Read();
        harness.Time.SetUtcNow(Msk(2026, 11, 23, 15));
        var atReactionDeadline = gauges.Read();
        harness.Time.SetUtcNow(Msk(2026, 11, 23, 15, 1));
        var pastReactionDeadline = gauges.Read();
        harness.Time.SetUtcNow(Msk(2026, 11, 24, 10, 1));
        var pastAnswerDeadline = gauges.Read();
        harness.Time.SetUtcNow(Msk(2026, 11, 26, 10, 1));
        var pastNormalDeadline = gauges.Read();

        Assert.Equal((3, 0), (opened.IncidentsOpen, opened.IncidentsOverdue)); // reacted, silent, normal; answered is no longer open
        Assert.Equal(0, atReactionDeadline.IncidentsOverdue);                // a deadline is met up to its very moment
        Assert.Equal(1, pastReactionDeadline.IncidentsOverdue);              // silent; reacted's answer clock still runs
        Assert.Equal(2, pastAnswerDeadline.IncidentsOverdue);                // + reacted, past its answer deadline
        Assert.Equal(3, pastNormalDeadline.IncidentsOverdue);                // + normal
        Assert.Equal(3, pastNormalDeadline.IncidentsOpen);
    }

    [Fact]
    public async Task Read_Outboxes_CountsPendingAndDeadRowsOfTheMunicipality()
    {
        var time = new FakeTimeProvider(TestPosts.Published.AddHours(1));
        using var store = new TestStore(time);
        await store.Store.CommitAsync("file:test", [.. new[] { "1", "2", "3" }.Select(id => TestPosts.Processed(id, appeal: true))], null, CancellationToken.None);
        Assert.Equal(3, store.Count("SELECT COUNT(*) FROM alert_outbox"));
        Assert.Equal(6, store.Count("SELECT COUNT(*) FROM index_outbox")); // three posts and three incidents
        Execute(store, """
            UPDATE alert_outbox SET sent_at = '2026-11-20T07:00:00.000Z' WHERE id = 1;
            UPDATE alert_outbox SET municipality = 'other-mun' WHERE id = 2;
            UPDATE index_outbox SET indexed_at = '2026-11-20T07:00:00.000Z' WHERE id = 1;
            UPDATE index_outbox SET dead_at = '2026-11-20T07:00:00.000Z' WHERE id = 2;
            UPDATE index_outbox SET municipality = 'other-mun', dead_at = '2026-11-20T07:00:00.000Z' WHERE id = 3;
            UPDATE index_outbox SET municipality = 'other-mun' WHERE id = 4;
            """);

        var gauges = new SqliteStoreGauges(store.Database, Options.Create(new MunicipalityOptions { Id = "test-mun" }), time).Read();

        Assert.Equal(new StoreGauges(AlertOutboxPending: 1, IndexOutboxPending: 2, IndexOutboxDead: 1, IncidentsOpen: 3, IncidentsOverdue: 0), gauges);
    }

    [Fact]
    public async Task Render_TwoScrapes_SecondSeesTheChangeInBetween()
    {
        var time = new FakeTimeProvider(TestPosts.Published.AddHours(1));
        using var store = new TestStore(time);
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true), TestPosts.Processed("2", appeal: true)], null, CancellationToken.None);
        var metrics = new MonitorMetrics(new SqliteStoreGauges(store.Database, Options.Create(new MunicipalityOptions { Id = "test-mun" }), time));

        var before = metrics.Render();
        Execute(store, "UPDATE alert_outbox SET sent_at = '2026-11-20T07:00:00.000Z' WHERE id = 1");
        time.Advance(TimeSpan.FromDays(1)); // TestPosts' incidents are due 24 hours after publication
        var after = metrics.Render();

        PrometheusExposition.AssertWellFormed(after);
        Assert.Equal(2, PrometheusExposition.Value(before, "mcu_alert_outbox_pending"));
        Assert.Equal(0, PrometheusExposition.Value(before, "mcu_incidents_overdue"));
        Assert.Equal(1, PrometheusExposition.Value(after, "mcu_alert_outbox_pending"));
        Assert.Equal(2, PrometheusExposition.Value(after, "mcu_incidents_overdue"));
        Assert.Equal(2, PrometheusExposition.Value(after, "mcu_incidents_open"));
        Assert.Equal(4, PrometheusExposition.Value(after, "mcu_index_outbox_pending"));
        Assert.Equal(0, PrometheusExposition.Value(after, "mcu_index_outbox_dead"));
    }

    private static void Execute(TestStore store, string sql)
    {
        using var connection = store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
