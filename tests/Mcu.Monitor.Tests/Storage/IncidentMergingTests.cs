using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Storage;

/// <summary>Near-duplicate appeals join one open incident instead of opening another (issue #6, item 2).</summary>
public sealed class IncidentMergingTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly SqlitePostStore _merging;

    public IncidentMergingTests() =>
        _merging = new SqlitePostStore(_store.Database, Options.Create(new MunicipalityOptions { Id = "test-mun" }), TimeProvider.System,
            new IncidentMergeOptions { Enabled = true }, new LocalityDetector(TestConfiguration.Territory()).IsPlaceWord);

    public void Dispose()
    {
        _merging.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Commit_SameProblemOnTwoNetworks_OneIncidentWithBothPostsOneAlert()
    {
        var vk = Appeal(Network.Vk, "1", "Третий день нет горячей воды на Слободской, управляющая компания молчит", "alekseevka", hours: 0);
        var ok = Appeal(Network.Ok, "2", "НА СЛОБОДСКОЙ ГОРЯЧЕЙ ВОДЫ НЕТ УЖЕ ТРИ ДНЯ УК ТРУБКУ НЕ БЕРЁТ", "alekseevka", hours: 5);

        var first = await _merging.CommitAsync("file:test", [vk], null, CancellationToken.None);
        var second = await _merging.CommitAsync("file:test", [ok], null, CancellationToken.None);

        Assert.Equal((1, 0), (first.IncidentsOpened, first.Merged));
        Assert.Equal((0, 1, 0), (second.IncidentsOpened, second.Merged, second.AlertsQueued));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incident_events WHERE type = 'merged' AND details LIKE 'ok:-1:2:%'"));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task Commit_SameWordsOtherLocality_TwoIncidents()
    {
        await _merging.CommitAsync("file:test",
        [
            Appeal(Network.Vk, "1", "Третий день нет горячей воды, управляющая компания молчит", "alekseevka", hours: 0),
            Appeal(Network.Vk, "2", "Третий день нет горячей воды, управляющая компания молчит", "ilovka", hours: 1),
        ], null, CancellationToken.None);

        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task Commit_SameProblemOutsideTheWindow_TwoIncidents()
    {
        // Alike enough to merge inside the window (three shared words): only the window keeps them apart.
        await _merging.CommitAsync("file:test", [Appeal(Network.Vk, "1", "Нет горячей воды на Слободской, УК молчит", "alekseevka", hours: 0)], null, CancellationToken.None);
        await _merging.CommitAsync("file:test", [Appeal(Network.Vk, "2", "Нет горячей воды на Слободской, УК молчит", "alekseevka", hours: 24 * 5)], null, CancellationToken.None);

        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task Commit_MergedPostReplayed_NothingChanges()
    {
        var batch = new[]
        {
            Appeal(Network.Vk, "1", "Нет горячей воды на Слободской третий день, УК молчит", "alekseevka", hours: 0),
            Appeal(Network.Ok, "2", "на слободской третий день нет горячей воды, управляющая компания молчит", "alekseevka", hours: 1),
        };
        await _merging.CommitAsync("file:test", batch, null, CancellationToken.None);
        var replay = await _merging.CommitAsync("file:test", batch, null, CancellationToken.None);

        Assert.Equal((0, 0), (replay.IncidentsOpened, replay.Merged));
        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incident_events WHERE type = 'merged'"));
    }

    [Fact]
    public async Task Commit_OneSideWithoutDetectedLocality_JoinsWhenAlikeEnough()
    {
        await _merging.CommitAsync("file:test", [Appeal(Network.Vk, "1", "Во дворе на Мостовой 22 течёт канализация, вонь, УК не реагирует", "alekseevka", hours: 0)], null, CancellationToken.None);
        var second = await _merging.CommitAsync("file:test", [Appeal(Network.Telegram, "2", "мостовая 22 канализация течёт прямо во двор, вонища", null, hours: 2)], null, CancellationToken.None);

        Assert.Equal((0, 1), (second.IncidentsOpened, second.Merged));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incident_events WHERE type = 'merged' AND details LIKE '%общих слов%одной стороны%'"));
    }

    [Theory]
    [InlineData("Пушкина 3 — батареи ледяные, в квартирах холодно, отопление не дали", "Пушкина 13 — батареи ледяные, в квартирах холодно, отопление не дали")]
    [InlineData("На Мостовой батареи ледяные, в квартирах холодно, отопление не дали", "На Никольской батареи ледяные, в квартирах холодно, отопление не дали")]
    public async Task Commit_SameWordsAnotherHouseOrStreet_TwoIncidents(string first, string second)
    {
        await _merging.CommitAsync("file:test",
        [
            Appeal(Network.Vk, "1", first, "alekseevka", hours: 0),
            Appeal(Network.Ok, "2", second, "alekseevka", hours: 1),
        ], null, CancellationToken.None);

        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task Commit_SameObjectAnotherProblem_TwoIncidents()
    {
        await _merging.CommitAsync("file:test",
        [
            Appeal(Network.Vk, "1", "Садик «Ромашка» в Красном не закрывают на карантин", "krasnoe", hours: 0),
            Appeal(Network.Vk, "2", "Садик «Ромашка» в Красном — нет воспитателя в младшей группе", "krasnoe", hours: 1),
        ], null, CancellationToken.None);

        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Theory]
    [InlineData("на слободской уже четвёртый день нет горячей воды, управляющая компания молчит")]
    [InlineData("Во дворе на Мостовой 22 течёт канализация, вонь, УК не реагирует")]
    public async Task Commit_MergedPostEdited_NoSecondMergeNoNewIncident(string editedText)
    {
        // An edit of a post already in an incident changes its text only: whether or not the new text still matches the
        // incident, it must not be merged again nor open an incident and an alert of its own (a replay after a kill
        // re-delivers such edits too).
        var first = Appeal(Network.Vk, "1", "Нет горячей воды на Слободской третий день, УК молчит", "alekseevka", hours: 0);
        var merged = Appeal(Network.Ok, "2", "на слободской третий день нет горячей воды, управляющая компания молчит", "alekseevka", hours: 1);
        await _merging.CommitAsync("file:test", [first, merged], null, CancellationToken.None);
        var edited = Appeal(Network.Ok, "2", editedText, "alekseevka", hours: 1) with { ContentHash = "2-edited" };

        var result = await _merging.CommitAsync("file:test", [edited], null, CancellationToken.None);

        Assert.Equal((1, 0, 0, 0), (result.Edited, result.IncidentsOpened, result.Merged, result.AlertsQueued));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(2, _store.Count("SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM incident_events WHERE type = 'merged'"));
        Assert.Equal(1, _store.Count("SELECT COUNT(*) FROM alert_outbox"));
    }

    private static ProcessedPost Appeal(Network network, string id, string text, string? locality, int hours)
    {
        var processed = TestPosts.Processed(id, appeal: true);
        var key = new PostKey(network, "-1", id);
        var at = TestPosts.Published.AddHours(hours);
        return processed with
        {
            Post = processed.Post with { Key = key, Text = text, PublishedAt = at },
            ContentHash = id,
            Locality = locality is null ? null : new LocalityMatch(locality, locality, locality),
            Incident = processed.Incident! with { Incident = processed.Incident.Incident with { PostKey = key, LocalityId = locality, OpenedAt = at, DueAt = at.AddHours(24) } },
        };
    }
}
