using Mcu.Monitor.Incidents;
using Mcu.Monitor.Tests.TestSupport;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Incidents;

public sealed class IncidentServiceTests
{
    [Fact]
    public async Task EveryMove_IsAnEventWithActorAndTime()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1");

        harness.Act(id, IncidentAction.Assign, "officer:ivanova");
        harness.Time.SetUtcNow(Msk(2026, 11, 23, 11));
        harness.Act(id, IncidentAction.TakeInWork, "telegram:42");
        harness.Act(id, IncidentAction.Answer, "telegram:42");
        harness.Act(id, IncidentAction.Close, "officer:ivanova");

        Assert.Equal("opened,assigned,taken,answered,closed", harness.Scalar($"SELECT group_concat(type) FROM (SELECT type FROM incident_events WHERE incident_id = {id} ORDER BY id)"));
        Assert.Equal("telegram:42", harness.Scalar($"SELECT actor FROM incident_events WHERE incident_id = {id} AND type = 'taken'"));
        Assert.Equal(Mcu.Monitor.Storage.SqliteDatabase.ToDb(Msk(2026, 11, 23, 11)), harness.Scalar($"SELECT first_reaction_at FROM incidents WHERE id = {id}"));
        Assert.Equal("Closed", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal("5", harness.Scalar($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'incident' AND doc_id = '{id}'"));
    }

    [Fact]
    public async Task RefusedMove_ChangesNothingAndSaysWhy()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1");
        harness.Act(id, IncidentAction.TakeInWork);

        var twice = harness.Act(id, IncidentAction.TakeInWork);

        Assert.False(twice.Applied);
        Assert.Contains("«В работе»", twice.Message, StringComparison.Ordinal);
        Assert.Equal("2", harness.Scalar($"SELECT COUNT(*) FROM incident_events WHERE incident_id = {id}"));
        Assert.False(harness.Act(999, IncidentAction.Close).Applied);
    }

    [Fact]
    public async Task Reject_NeedsAReasonAndGoesBackToTheMcu()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1", recipient: "gas");

        Assert.False(harness.Act(id, IncidentAction.Reject, "telegram:7").Applied);
        var rejected = harness.Act(id, IncidentAction.Reject, "telegram:7", reason: "это сети водоканала, не газ");

        Assert.True(rejected.Applied);
        Assert.Equal("это сети водоканала, не газ", harness.Scalar($"SELECT reject_reason FROM incidents WHERE id = {id}"));
        Assert.Equal("mcu", harness.Scalar($"SELECT recipient_id FROM alert_outbox WHERE kind = 'incident.rejected'"));
    }

    [Fact]
    public async Task Reassign_ChangesTheRecipientRestartsTheClockAndAlertsTheNewOne()
    {
        using var harness = new IncidentHarness(Msk(2026, 11, 23, 10));
        var id = await harness.OpenAsync("1", recipient: "gas");
        harness.Act(id, IncidentAction.Reject, "telegram:7", reason: "не газ");
        harness.Time.SetUtcNow(Msk(2026, 11, 24, 9));

        Assert.False(harness.Act(id, IncidentAction.Reassign, recipient: "nobody").Applied);
        var moved = harness.Act(id, IncidentAction.Reassign, "officer:ivanova", recipient: "zhkh");

        Assert.True(moved.Applied);
        Assert.Equal("zhkh", harness.Scalar($"SELECT recipient_id FROM incidents WHERE id = {id}"));
        Assert.Equal(Mcu.Monitor.Storage.SqliteDatabase.ToDb(Msk(2026, 11, 24, 9)), harness.Scalar($"SELECT clock_started_at FROM incidents WHERE id = {id}"));
        Assert.Equal("zhkh", harness.Scalar($"SELECT recipient_id FROM alert_outbox WHERE idempotency_key = 'incident.reassigned:{id}:1'"));
        Assert.Equal("gas → zhkh", harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {id} AND type = 'reassigned'"));
    }
}
