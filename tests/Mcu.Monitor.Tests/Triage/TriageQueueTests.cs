using Mcu.Monitor.Domain;
using Mcu.Monitor.Triage;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Triage;

public sealed class TriageQueueTests
{
    [Fact]
    public async Task Pending_MixedPosts_MunicipalityAppealsHighestRiskThenNewest()
    {
        using var harness = new TriageHarness(Msk(2026, 11, 20, 10));
        var older = await harness.PostAsync("1", minutesAgo: 30);
        var critical = await harness.PostAsync("2", risk: RiskLevel.Critical, minutesAgo: 60);
        var newer = await harness.PostAsync("3", minutesAgo: 5, withIncident: false);
        await harness.PostAsync("4", appeal: false);
        await harness.PostAsync("5", municipality: "other-mun");

        var page = harness.Queue.Pending(10, 0);

        Assert.Equal(3, page.Total);
        Assert.Equal([critical, newer, older], page.Items.Select(i => i.PostKey));
        var opened = page.Items[2];
        Assert.Equal((harness.IncidentOf(older), "New", "zhkh"), (opened.IncidentId, opened.IncidentStatus, opened.RecipientId));
        // A post in no incident shows whom the routing rules would choose.
        Assert.Equal((null, null, "zhkh"), (page.Items[1].IncidentId, page.Items[1].IncidentStatus, page.Items[1].RecipientId));
        Assert.Equal(("zhkh", true, "Critical"), (page.Items[0].Sector, page.Items[0].Appeal, page.Items[0].RiskLevel));
    }

    [Fact]
    public async Task Pending_LimitAndOffset_PagesWithTheTotal()
    {
        using var harness = new TriageHarness(Msk(2026, 11, 20, 10));
        for (var i = 1; i <= 5; i++)
        {
            await harness.PostAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), minutesAgo: i);
        }

        var page = harness.Queue.Pending(2, 2);

        Assert.Equal(5, page.Total);
        Assert.Equal(["vk:-1:3", "vk:-1:4"], page.Items.Select(i => i.PostKey));
    }

    [Fact]
    public async Task Pending_TriagedAppeal_LeavesTheQueue()
    {
        using var harness = new TriageHarness(Msk(2026, 11, 20, 10));
        var confirmed = await harness.PostAsync("1");
        var waiting = await harness.PostAsync("2");

        Assert.True(harness.Apply(confirmed, TriageVerdict.Confirm).Applied);

        var page = harness.Queue.Pending(10, 0);
        Assert.Equal(1, page.Total);
        Assert.Equal([waiting], page.Items.Select(i => i.PostKey));
    }

    [Fact]
    public async Task Pending_PostCorrectedToAppeal_JoinsTheQueue()
    {
        using var harness = new TriageHarness(Msk(2026, 11, 20, 10));
        var post = await harness.PostAsync("1", appeal: false);
        Assert.Equal(0, harness.Queue.Pending(10, 0).Total);

        Assert.True(harness.Service.Correct(post, TriageHarness.Officer, null, true, null).Applied);

        Assert.Equal([post], harness.Queue.Pending(10, 0).Items.Select(i => i.PostKey));
    }

    [Fact]
    public async Task Pending_QueueQuery_ReadsThePartialIndexOfPendingAppeals()
    {
        using var harness = new TriageHarness(Msk(2026, 11, 20, 10));
        await harness.PostAsync("1");

        using var connection = harness.Incidents.Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT COUNT(*) FROM classifications c
            WHERE c.municipality = 'test-mun' AND c.is_appeal = 1 AND c.awaits_triage = 1
            """;
        using var reader = command.ExecuteReader();
        var plan = "";
        while (reader.Read())
        {
            plan += reader.GetString(3);
        }

        Assert.Contains("ix_classifications_triage", plan, StringComparison.Ordinal);
    }
}
