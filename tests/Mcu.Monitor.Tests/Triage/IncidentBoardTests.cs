using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Triage;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Triage;

public sealed class IncidentBoardTests
{
    private static readonly DateTimeOffset Now = Msk(2026, 11, 20, 10);

    [Fact]
    public async Task List_OverdueFirstThenNearestRunningDeadlineThenClosed()
    {
        using var harness = new TriageHarness(Now);
        var normal = harness.IncidentOf(await harness.PostAsync("1", minutesAgo: 10));
        var critical = harness.IncidentOf(await harness.PostAsync("2", risk: RiskLevel.Critical));
        var reacted = harness.IncidentOf(await harness.PostAsync("3", minutesAgo: 20));
        var closed = harness.IncidentOf(await harness.PostAsync("4", minutesAgo: 30));
        harness.Incidents.Act(reacted, IncidentAction.TakeInWork, "telegram:42");
        harness.Incidents.Act(closed, IncidentAction.Answer, "telegram:42");
        harness.Incidents.Act(closed, IncidentAction.Close);
        var criticalDue = Due(harness, critical);
        Assert.True(criticalDue < Due(harness, normal), "a critical incident's reaction deadline comes first");

        harness.Incidents.Time.SetUtcNow(criticalDue.AddMinutes(1));
        var (total, items) = harness.Board.List(null, openOnly: false, 10, 0);

        Assert.Equal(4, total);
        // The reacted one runs on its answer deadline, later than the untouched one's reaction deadline.
        Assert.Equal([critical, normal, reacted, closed], items.Select(i => i.Id));
        Assert.Equal([true, false, false, false], items.Select(i => i.Overdue));
        Assert.Equal("Critical", items[0].Priority);
        Assert.Equal("Closed", items[3].Status);
    }

    [Fact]
    public async Task List_OpenOnlyAndStatus_Filter()
    {
        using var harness = new TriageHarness(Now);
        var open = harness.IncidentOf(await harness.PostAsync("1"));
        var closed = harness.IncidentOf(await harness.PostAsync("2"));
        Assert.True(harness.Apply("vk:-1:2", TriageVerdict.NotAppeal).Applied);

        Assert.Equal([open], harness.Board.List(null, openOnly: true, 10, 0).Items.Select(i => i.Id));
        Assert.Equal([closed], harness.Board.List("Closed", openOnly: false, 10, 0).Items.Select(i => i.Id));
        Assert.Single(harness.Board.List(null, openOnly: false, 1, 1).Items);
    }

    [Fact]
    public async Task List_AnswerDeadlinePassed_Overdue()
    {
        using var harness = new TriageHarness(Now);
        var id = harness.IncidentOf(await harness.PostAsync("1"));
        harness.Incidents.Act(id, IncidentAction.TakeInWork, "telegram:42");
        var answerDue = SqliteDatabase.FromDb(harness.Scalar($"SELECT answer_due_at FROM incidents WHERE id = {id}"));

        harness.Incidents.Time.SetUtcNow(answerDue.AddMinutes(-1));
        Assert.False(harness.Board.List(null, true, 10, 0).Items[0].Overdue);
        harness.Incidents.Time.SetUtcNow(answerDue.AddMinutes(1));
        Assert.True(harness.Board.List(null, true, 10, 0).Items[0].Overdue);
    }

    [Fact]
    public async Task Get_Incident_PostsTimelineAndAnswer()
    {
        using var harness = new TriageHarness(Now);
        var main = await harness.PostAsync("1", text: "Третий день нет горячей воды на Слободской", minutesAgo: 60);
        var id = harness.IncidentOf(main);
        var joined = await harness.PostAsync("2", text: "У нас тоже нет воды");
        Assert.True(harness.Apply(joined, TriageVerdict.Merge, mergeInto: id).Applied);
        harness.Incidents.Service.Execute(new IncidentCommand(id, IncidentAction.Answer, "telegram:42", Now)
        {
            AnswerText = "Воду дадут к вечеру",
            AnswerScore = 80,
            AnswerDetails = "{\"deadline\":true}",
        });

        var detail = harness.Board.Get(id);

        Assert.NotNull(detail);
        Assert.Equal((id, "Answered", 2), (detail.Incident.Id, detail.Incident.Status, detail.Incident.PostCount));
        Assert.Equal("Третий день нет горячей воды на Слободской", detail.Incident.Excerpt);
        Assert.Equal([(main, true), (joined, false)], detail.Posts.Select(p => (p.PostKey, p.IsMain)));
        Assert.Equal(["opened", "merged", "answered"], detail.Timeline.Select(e => e.Type));
        Assert.Equal(TriageHarness.Officer, detail.Timeline[1].Actor);
        Assert.Equal(("Воду дадут к вечеру", 80, "{\"deadline\":true}"), (detail.AnswerText, detail.AnswerScore, detail.AnswerDetails));
        Assert.Equal(Now, detail.AnsweredAt);
        Assert.Null(detail.ClosedAt);
        Assert.Null(harness.Board.Get(id + 100));
    }

    [Fact]
    public async Task Get_OtherMunicipality_Null()
    {
        using var harness = new TriageHarness(Now);
        var id = harness.IncidentOf(await harness.PostAsync("1", municipality: "other-mun"));

        Assert.Null(harness.Board.Get(id));
    }

    [Fact]
    public async Task Search_Words_OpenIncidentsWhoseMainPostHasThemNewestFirst()
    {
        using var harness = new TriageHarness(Now);
        var older = harness.IncidentOf(await harness.PostAsync("1", text: "Нет горячей воды на Слободской", minutesAgo: 60));
        var newer = harness.IncidentOf(await harness.PostAsync("2", text: "Горячей воды нет третий день", minutesAgo: 10));
        var road = harness.IncidentOf(await harness.PostAsync("3", text: "Яма на дороге у школы"));
        var closed = await harness.PostAsync("4", text: "Нет воды в доме, горячей тоже");
        Assert.True(harness.Apply(closed, TriageVerdict.NotAppeal).Applied);

        Assert.Equal([newer, older], harness.Board.Search("горяч ВОДЫ", 10).Select(i => i.Id));
        Assert.Equal([road, newer, older], harness.Board.Search(null, 10).Select(i => i.Id));
        Assert.Equal([road], harness.Board.Search($"#{road}", 10).Select(i => i.Id));
        Assert.Empty(harness.Board.Search("\"кавычки\" OR NEAR(", 10));
    }

    private static DateTimeOffset Due(TriageHarness harness, long id) => SqliteDatabase.FromDb(harness.Scalar($"SELECT due_at FROM incidents WHERE id = {id}"));
}
