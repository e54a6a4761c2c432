using Mcu.Monitor.Incidents;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Triage;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;
using static Mcu.Monitor.Tests.Triage.TriageHarness;

namespace Mcu.Monitor.Tests.Triage;

public sealed class TriageServiceTests
{
    private static readonly DateTimeOffset Now = Msk(2026, 11, 20, 10);

    [Fact]
    public async Task Apply_ConfirmPostInNoIncident_OpensOneByTheOfficerWithAlertAndAssigns()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1", withIncident: false);

        harness.Incidents.Time.Advance(TimeSpan.FromMinutes(1));
        var result = harness.Apply(post, TriageVerdict.Confirm, recipient: "gas");

        Assert.True(result.Applied, result.Message);
        var id = Assert.IsType<long>(result.IncidentId);
        Assert.Equal($"opened:{Officer},assigned:{Officer}", harness.Events(id));
        Assert.Equal("Assigned|gas", harness.Scalar($"SELECT status || '|' || recipient_id FROM incidents WHERE id = {id}"));
        Assert.Equal(harness.DbNow, harness.Scalar($"SELECT opened_at FROM incidents WHERE id = {id}"));
        Assert.Equal($"incident.opened:{post}", harness.Scalar($"SELECT group_concat(idempotency_key) FROM alert_outbox WHERE incident_id = {id}"));
        Assert.Equal(1, harness.Count($"SELECT COUNT(*) FROM incident_posts WHERE incident_id = {id} AND post_key = '{post}'"));
        Assert.Equal($"Confirm|{Officer}|{id}", harness.Scalar($"SELECT verdict || '|' || actor || '|' || incident_id FROM post_triage WHERE post_key = '{post}'"));
        Assert.Equal("0", harness.Scalar($"SELECT awaits_triage FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal(1, harness.Count($"SELECT COUNT(*) FROM audit_log WHERE actor = '{Officer}' AND action = 'triage.confirm'"));
        Assert.Equal(1, harness.Count($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'post' AND doc_id = '{post}' AND created_at = '{harness.DbNow}'"));
        Assert.True(harness.Count($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'incident' AND doc_id = '{id}' AND created_at = '{harness.DbNow}'") >= 1);
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM training_feedback"));
    }

    [Fact]
    public async Task Apply_ConfirmWithCorrections_StoresClassificationFeedbackAndCorrectedEvent()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);

        var result = harness.Apply(post, TriageVerdict.Confirm, sector: "roads", risk: "high");

        Assert.True(result.Applied, result.Message);
        Assert.Equal(id, result.IncidentId);
        Assert.Equal("roads|1|High", harness.Scalar($"SELECT sector || '|' || is_appeal || '|' || risk_level FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal($"risk=High:{Officer},sector=roads:{Officer}",
            harness.Scalar($"SELECT group_concat(field || '=' || value || ':' || actor) FROM (SELECT * FROM training_feedback WHERE post_key = '{post}' ORDER BY field)"));
        Assert.Equal($"opened:system,corrected:{Officer},assigned:{Officer}", harness.Events(id));
        Assert.Contains("zhkh → roads", harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {id} AND type = 'corrected'"), StringComparison.Ordinal);
        Assert.Equal("roads|High|Assigned", harness.Scalar($"SELECT sector || '|' || risk_level || '|' || status FROM incidents WHERE id = {id}"));
    }

    [Fact]
    public async Task Apply_ConfirmOtherRecipient_ReassignsWithAlert()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);

        var result = harness.Apply(post, TriageVerdict.Confirm, recipient: "roads");

        Assert.True(result.Applied, result.Message);
        Assert.Equal($"opened:system,reassigned:{Officer}", harness.Events(id));
        Assert.Equal("Reassigned|roads", harness.Scalar($"SELECT status || '|' || recipient_id FROM incidents WHERE id = {id}"));
        Assert.Equal("roads", harness.Scalar($"SELECT recipient_id FROM alert_outbox WHERE kind = '{IncidentTransitions.AlertReassigned}' AND incident_id = {id}"));
    }

    [Fact]
    public async Task Apply_Twice_SecondIsRefusedAndChangesNothing()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);
        Assert.True(harness.Apply(post, TriageVerdict.Confirm).Applied);

        var second = harness.Apply(post, TriageVerdict.NotAppeal);

        Assert.False(second.Applied);
        Assert.Contains("уже разобран", second.Message, StringComparison.Ordinal);
        Assert.Contains(Officer, second.Message, StringComparison.Ordinal);
        Assert.Equal("Assigned", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM training_feedback"));
        Assert.Equal(1, harness.Count("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Apply_NotAppealOnlyPostOfIncident_DismissesItWithoutAlert()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);
        var alerts = harness.Count("SELECT COUNT(*) FROM alert_outbox");

        harness.Incidents.Time.Advance(TimeSpan.FromMinutes(1));
        var result = harness.Apply(post, TriageVerdict.NotAppeal);

        Assert.True(result.Applied, result.Message);
        Assert.Null(result.IncidentId);
        Assert.Equal($"opened:system,corrected:{Officer},dismissed:{Officer}", harness.Events(id));
        Assert.Equal(IncidentTransitions.NotAnAppeal, harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {id} AND type = 'dismissed'"));
        Assert.Equal("Closed", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal(harness.DbNow, harness.Scalar($"SELECT closed_at FROM incidents WHERE id = {id}"));
        Assert.Equal(0, harness.Count($"SELECT COUNT(*) FROM incident_posts WHERE post_key = '{post}'"));
        Assert.Equal(alerts, harness.Count("SELECT COUNT(*) FROM alert_outbox"));
        Assert.Equal("0", harness.Scalar($"SELECT is_appeal FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal($"appeal=0:{Officer}", harness.Scalar($"SELECT group_concat(field || '=' || value || ':' || actor) FROM training_feedback WHERE post_key = '{post}'"));
        Assert.Equal("NotAppeal", harness.Scalar($"SELECT verdict FROM post_triage WHERE post_key = '{post}'"));
    }

    [Fact]
    public async Task Apply_MergeOnlyPostOfOwnIncident_JoinsTargetAndClosesOwn()
    {
        using var harness = new TriageHarness(Now);
        var target = harness.IncidentOf(await harness.PostAsync("1", minutesAgo: 60));
        var post = await harness.PostAsync("2");
        var own = harness.IncidentOf(post);

        harness.Incidents.Time.Advance(TimeSpan.FromMinutes(1));
        var result = harness.Apply(post, TriageVerdict.Merge, mergeInto: target);

        Assert.True(result.Applied, result.Message);
        Assert.Equal(target, result.IncidentId);
        Assert.Equal($"opened:system,merged:{Officer}", harness.Events(target));
        Assert.StartsWith(post, harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {target} AND type = 'merged'"), StringComparison.Ordinal);
        Assert.Equal($"opened:system,merged_into:{Officer}", harness.Events(own));
        Assert.Equal($"#{target}", harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {own} AND type = 'merged_into'"));
        Assert.Equal("Closed", harness.Scalar($"SELECT status FROM incidents WHERE id = {own}"));
        Assert.Equal($"{target}", harness.Scalar($"SELECT group_concat(incident_id) FROM incident_posts WHERE post_key = '{post}'"));
        Assert.Equal($"Merge|{target}", harness.Scalar($"SELECT verdict || '|' || incident_id FROM post_triage WHERE post_key = '{post}'"));
        Assert.Equal(1, harness.Count($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'incident' AND doc_id = '{own}' AND created_at = '{harness.DbNow}'"));
        Assert.True(harness.Count($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'incident' AND doc_id = '{target}' AND created_at = '{harness.DbNow}'") >= 1);
    }

    [Fact]
    public async Task Apply_NotAppealInIncidentWithOtherPosts_RemovesOnlyThePost()
    {
        using var harness = new TriageHarness(Now);
        var main = await harness.PostAsync("1", minutesAgo: 60);
        var target = harness.IncidentOf(main);
        var other = await harness.PostAsync("2");
        Assert.True(harness.Apply(other, TriageVerdict.Merge, mergeInto: target).Applied);

        var result = harness.Apply(main, TriageVerdict.NotAppeal);

        Assert.True(result.Applied, result.Message);
        Assert.Equal($"opened:system,merged:{Officer},corrected:{Officer},post_removed:{Officer}", harness.Events(target));
        Assert.Equal("New", harness.Scalar($"SELECT status FROM incidents WHERE id = {target}"));
        Assert.Equal(other, harness.Scalar($"SELECT group_concat(post_key) FROM incident_posts WHERE incident_id = {target}"));
    }

    [Fact]
    public async Task Apply_RefusedHalfway_LeavesNothing()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);
        harness.Incidents.Act(id, IncidentAction.Answer, "telegram:42");

        // The correction is written first; the reassignment of an answered incident is refused, so it must go too.
        var result = harness.Apply(post, TriageVerdict.Confirm, sector: "roads", recipient: "gas");

        Assert.False(result.Applied);
        Assert.Contains("«Ответ дан»", result.Message, StringComparison.Ordinal);
        Assert.Equal("zhkh", harness.Scalar($"SELECT sector FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM training_feedback"));
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM post_triage"));
        Assert.Equal("opened:system,answered:telegram:42", harness.Events(id));
    }

    [Theory]
    [InlineData("vk:-1:404", TriageVerdict.Confirm, null, null, null, null, "не найден")]
    [InlineData("vk:-1:1", TriageVerdict.Confirm, "space", null, null, null, "Сектор 'space'")]
    [InlineData("vk:-1:1", TriageVerdict.Confirm, null, "extreme", null, null, "Уровень риска 'extreme'")]
    [InlineData("vk:-1:1", TriageVerdict.Confirm, null, null, "nobody", null, "Получатель 'nobody'")]
    [InlineData("vk:-1:1", TriageVerdict.Merge, null, null, null, null, "Укажите инцидент")]
    [InlineData("vk:-1:1", TriageVerdict.Merge, null, null, null, 404L, "Инцидент #404 не найден")]
    [InlineData("vk:-1:3", TriageVerdict.Confirm, null, null, null, null, "не в очереди")]
    public async Task Apply_WrongDecision_RefusedInRussian(string post, TriageVerdict verdict, string? sector, string? risk, string? recipient, long? mergeInto, string expected)
    {
        using var harness = new TriageHarness(Now);
        await harness.PostAsync("1");
        await harness.PostAsync("3", appeal: false);

        var result = harness.Apply(post, verdict, sector, risk, recipient, mergeInto);

        Assert.False(result.Applied);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM post_triage"));
        Assert.Equal(0, harness.Count("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Apply_MergeIntoItsOwnIncident_Refused()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");

        var result = harness.Apply(post, TriageVerdict.Merge, mergeInto: harness.IncidentOf(post));

        Assert.False(result.Applied);
        Assert.Contains("с самим собой", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_MergeIntoClosedIncident_Refused()
    {
        using var harness = new TriageHarness(Now);
        var closed = await harness.PostAsync("1", minutesAgo: 60);
        Assert.True(harness.Apply(closed, TriageVerdict.NotAppeal).Applied);
        var post = await harness.PostAsync("2");

        var result = harness.Apply(post, TriageVerdict.Merge, mergeInto: harness.IncidentOf(closed));

        Assert.False(result.Applied);
        Assert.Contains("«Закрыт»", result.Message, StringComparison.Ordinal);
        Assert.Equal("New", harness.Scalar($"SELECT status FROM incidents WHERE id = {harness.IncidentOf(post)}"));
    }

    [Fact]
    public async Task Correct_NotAppealToAppealAndBack_FeedbackForEachAndQueue()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1", appeal: false);

        harness.Incidents.Time.Advance(TimeSpan.FromMinutes(1));
        var made = harness.Service.Correct(post, Officer, "tko", true, "Critical");
        var unmade = harness.Service.Correct(post, Officer, null, false, null);

        Assert.True(made.Applied, made.Message);
        Assert.True(unmade.Applied, unmade.Message);
        Assert.Equal("tko|0|Critical", harness.Scalar($"SELECT sector || '|' || is_appeal || '|' || risk_level FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal("sector=tko,appeal=1,risk=Critical,appeal=0",
            harness.Scalar($"SELECT group_concat(field || '=' || value) FROM (SELECT * FROM training_feedback WHERE post_key = '{post}' ORDER BY id)"));
        Assert.Equal(2, harness.Count($"SELECT COUNT(*) FROM audit_log WHERE action = 'triage.correct' AND actor = '{Officer}'"));
        Assert.Equal(2, harness.Count($"SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'post' AND doc_id = '{post}' AND created_at = '{harness.DbNow}'"));
        Assert.Equal(0, harness.Queue.Pending(10, 0).Total);
    }

    [Fact]
    public async Task Correct_ToneMarked_FeedbackOnlyThatTrainingReadsAndARepeatChangesNothing()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1", text: "Опять нет воды, сколько можно терпеть", appeal: false);
        var labels = harness.Scalar($"SELECT sector || '|' || is_appeal || '|' || risk_level FROM classifications WHERE post_key = '{post}'");

        var marked = harness.Service.Correct(post, Officer, null, null, null, negative: true);
        var again = harness.Service.Correct(post, Officer, null, null, null, negative: true);

        Assert.True(marked.Applied, marked.Message);
        Assert.Contains("тон: негативный", marked.Message, StringComparison.Ordinal);
        Assert.False(again.Applied); // the tone an officer marked last is the label: the same mark changes nothing
        Assert.Equal(labels, harness.Scalar($"SELECT sector || '|' || is_appeal || '|' || risk_level FROM classifications WHERE post_key = '{post}'"));
        Assert.Equal("negative=1", harness.Scalar($"SELECT group_concat(field || '=' || value) FROM training_feedback WHERE post_key = '{post}'"));

        // the next model train reads it as a tone label for the text
        var data = new TrainingData();
        using (var connection = harness.Incidents.Store.Database.Open())
        {
            data.AddFeedback(connection, new HashSet<string>(Mcu.Monitor.Tests.MachineLearning.TinyCorpus.Sectors));
        }

        var labelled = Assert.Single(data.Texts);
        Assert.Equal("Опять нет воды, сколько можно терпеть", labelled.Text);
        Assert.True(labelled.Negative);
        Assert.Null(labelled.Appeal);

        Assert.True(harness.Service.Correct(post, Officer, null, null, null, negative: false).Applied);
        Assert.Equal("negative=1,negative=0", harness.Scalar($"SELECT group_concat(field || '=' || value) FROM (SELECT * FROM training_feedback WHERE post_key = '{post}' ORDER BY id)"));
    }

    [Fact]
    public async Task Correct_ToNotAnAppeal_ClosesThePostsOwnOpenIncident_AsTheQueueWould()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);

        var result = harness.Service.Correct(post, Officer, null, false, null);

        Assert.True(result.Applied, result.Message);
        Assert.Contains($"инцидент #{id} закрыт", result.Message, StringComparison.Ordinal);
        Assert.Equal("Closed", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal($"opened:system,corrected:{Officer},dismissed:{Officer}", harness.Events(id));
        Assert.Equal(0, harness.Count($"SELECT COUNT(*) FROM incident_posts WHERE post_key = '{post}'"));
        Assert.Equal("0", harness.Scalar($"SELECT value FROM training_feedback WHERE post_key = '{post}' AND field = 'appeal'"));
    }

    [Fact]
    public async Task Correct_PostInIncident_CorrectedEventAndNothingToChangeRefused()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);

        var result = harness.Service.Correct(post, Officer, "roads", null, null);
        var same = harness.Service.Correct(post, Officer, "roads", true, "medium");

        Assert.True(result.Applied, result.Message);
        Assert.Equal(id, result.IncidentId);
        Assert.Equal($"opened:system,corrected:{Officer}", harness.Events(id));
        Assert.False(same.Applied);
        Assert.Equal(1, harness.Count("SELECT COUNT(*) FROM training_feedback"));
    }

    [Fact]
    public async Task Apply_ConfirmAfterDismissalAndCorrection_ReopensTheSameIncident()
    {
        using var harness = new TriageHarness(Now);
        var post = await harness.PostAsync("1");
        var id = harness.IncidentOf(post);
        Assert.True(harness.Apply(post, TriageVerdict.NotAppeal).Applied);
        Assert.True(harness.Service.Correct(post, Officer, null, true, null).Applied);

        var result = harness.Apply(post, TriageVerdict.Confirm);

        Assert.True(result.Applied, result.Message);
        Assert.Equal(id, result.IncidentId);
        Assert.Equal("Assigned", harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.EndsWith($"reopened:{Officer},assigned:{Officer}", harness.Events(id), StringComparison.Ordinal);
        Assert.Equal(1, harness.Count($"SELECT COUNT(*) FROM incident_posts WHERE incident_id = {id} AND post_key = '{post}'"));
    }
}
