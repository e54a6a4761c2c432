using Mcu.Monitor.Domain;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Querying;

/// <summary>Queries on a hand-made database whose answers are counted by hand in the comments.</summary>
public sealed class SqlitePostSearchTests : IAsyncLifetime, IDisposable
{
    private readonly TestStore _store = new();
    private SqlitePostSearch _search = null!;

    public async Task InitializeAsync()
    {
        // id, text, network, sector, appeal, risk, locality, published (day of November 2026)
        var rows = new (string Id, string Text, Network Network, string Sector, bool Appeal, RiskLevel Risk, string? Locality, int Day)[]
        {
            ("1", "Третий день нет горячей воды на Слободской", Network.Vk, "zhkh", true, RiskLevel.High, "alekseevka", 20),
            ("2", "Вода ржавая, пить невозможно", Network.Ok, "zhkh", true, RiskLevel.Medium, "ilovka", 20),
            ("3", "Яма на дороге у школы", Network.Vk, "roads", true, RiskLevel.Critical, "ilovka", 21),
            ("4", "Спасибо за уборку снега", Network.Telegram, "roads", false, RiskLevel.Low, null, 21),
            ("5", "Продам гараж", Network.Vk, "other", false, RiskLevel.Low, null, 22),
            ("6", "Водитель автобуса хамит", Network.Telegram, "transport", true, RiskLevel.Medium, "alekseevka", 22),
        };
        var batch = rows.Select(r =>
        {
            var processed = TestPosts.Processed(r.Id, r.Appeal, r.Sector);
            return processed with
            {
                Post = processed.Post with
                {
                    Key = new PostKey(r.Network, "-1", r.Id),
                    Text = r.Text,
                    AuthorName = r.Id == "1" ? "Ирина Петрова" : null,
                    PublishedAt = new DateTimeOffset(2026, 11, r.Day, 10, 0, 0, TimeSpan.Zero),
                },
                Classification = processed.Classification with { Risk = r.Risk },
                Locality = r.Locality is null ? null : new LocalityMatch(r.Locality, r.Locality, r.Locality),
                Incident = processed.Incident is null ? null : processed.Incident with { Incident = processed.Incident.Incident with { PostKey = new PostKey(r.Network, "-1", r.Id) } },
            };
        }).ToList();
        await _store.Store.CommitAsync("file:test", batch, null, CancellationToken.None);
        _search = new SqlitePostSearch(_store.Database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Search_Text_MatchesRussianWordForms()
    {
        // «вода» → stem «вод»*: «воды» (1) and «Вода» (2); «Водитель» (6) also starts with «вод» — a known
        // cost of prefix matching on stems, documented in the README.
        var result = await _search.SearchAsync(new PostQuery { Text = "вода" }, CancellationToken.None);
        Assert.Equal(["ok:-1:2", "telegram:-1:6", "vk:-1:1"], result.Posts.Select(p => p.Id).Order().ToList());
    }

    [Fact]
    public async Task Search_Filters_Combine()
    {
        var result = await _search.SearchAsync(new PostQuery { Locality = "ilovka", MinRisk = "High" }, CancellationToken.None);
        Assert.Equal(1, result.Total); // post 3 (Critical); post 2 is Medium
        Assert.Equal("vk:-1:3", Assert.Single(result.Posts).Id);

        var appeals = await _search.SearchAsync(new PostQuery { Appeal = true, Network = "vk" }, CancellationToken.None);
        Assert.Equal(2, appeals.Total); // posts 1 and 3

        var period = await _search.SearchAsync(new PostQuery { From = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero) }, CancellationToken.None);
        Assert.Equal(2, period.Total); // posts 3 and 4

        var recipient = await _search.SearchAsync(new PostQuery { Recipient = "zhkh" }, CancellationToken.None);
        Assert.Equal(4, recipient.Total); // every appeal's incident in TestPosts goes to zhkh: 1, 2, 3, 6
    }

    [Fact]
    public async Task Search_GroupBy_CountsLargestFirst()
    {
        var bySector = await _search.SearchAsync(new PostQuery { GroupBy = "sector" }, CancellationToken.None);
        Assert.Equal(6, bySector.Total);
        Assert.Equal([("roads", 2L), ("zhkh", 2L), ("other", 1L), ("transport", 1L)], bySector.Groups.Select(g => (g.Key, g.Count)));

        var byDay = await _search.SearchAsync(new PostQuery { GroupBy = "day", Appeal = true }, CancellationToken.None);
        Assert.Equal([("2026-11-20", 2L), ("2026-11-21", 1L), ("2026-11-22", 1L)], byDay.Groups.Select(g => (g.Key, g.Count)));
    }

    [Theory]
    [InlineData("risk", "Low:2,Medium:2,Critical:1,High:1")] // ties: key order
    [InlineData("locality", "(нет):2,alekseevka:2,ilovka:2")]
    [InlineData("network", "vk:3,telegram:2,ok:1")]
    [InlineData("recipient", "zhkh:4,(нет):2")]
    [InlineData("source", "file:test:6")]
    [InlineData("appeal", "1:4,0:2")]
    public async Task Search_GroupByEachField_HandCountedAnswers(string field, string expected)
    {
        var result = await _search.SearchAsync(new PostQuery { GroupBy = field }, CancellationToken.None);
        Assert.Equal(expected, string.Join(",", result.Groups.Select(g => $"{g.Key}:{g.Count}")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("a OR")]
    public async Task Search_FtsSyntaxInText_IsTakenAsWordsNotSyntax(string text)
    {
        // No SqliteException: the text is tokenised into quoted words (or nothing) before it reaches MATCH.
        var result = await _search.SearchAsync(new PostQuery { Text = text }, CancellationToken.None);
        Assert.InRange(result.Total, 0, 6);
    }

    [Fact]
    public async Task Search_List_FillsSourceAuthorScoreReasonsAndIncident()
    {
        var result = await _search.SearchAsync(new PostQuery { Network = "vk" }, CancellationToken.None);

        var appeal = result.Posts.Single(p => p.Id == "vk:-1:1");
        Assert.Equal(("file:test", "Ирина Петрова", 0.3, "[\"test\"]"), (appeal.SourceId, appeal.AuthorName, appeal.RiskScore, appeal.Reasons));
        Assert.Equal((long?)_store.Count("SELECT i.id FROM incidents i WHERE i.post_key = 'vk:-1:1'"), appeal.IncidentId);
        Assert.Equal("zhkh", appeal.RecipientId);

        var sale = result.Posts.Single(p => p.Id == "vk:-1:5"); // not an appeal: no incident
        Assert.Equal(("file:test", (string?)null, (long?)null, (string?)null), (sale.SourceId, sale.AuthorName, sale.IncidentId, sale.RecipientId));
    }

    [Fact]
    public async Task Search_CountUpTo_StopsCountingThereAndSaysAtLeast()
    {
        // a full page of 2 leaves the total to the count: 6 posts match
        var capped = await _search.SearchAsync(new PostQuery { Limit = 2, CountUpTo = 4 }, CancellationToken.None);
        Assert.Equal((4L, true), (capped.Total, capped.TotalIsLowerBound));
        Assert.Equal(2, capped.Posts.Count);

        var exactAtTheCap = await _search.SearchAsync(new PostQuery { Limit = 2, CountUpTo = 6 }, CancellationToken.None);
        Assert.Equal((6L, false), (exactAtTheCap.Total, exactAtTheCap.TotalIsLowerBound));

        var uncapped = await _search.SearchAsync(new PostQuery { Limit = 2, CountUpTo = null }, CancellationToken.None);
        Assert.Equal((6L, false), (uncapped.Total, uncapped.TotalIsLowerBound));

        // a short page is the end of the list, so it tells the exact total whatever the cap
        var lastPage = await _search.SearchAsync(new PostQuery { Limit = 4, Offset = 4, CountUpTo = 3 }, CancellationToken.None);
        Assert.Equal((6L, false, 2), (lastPage.Total, lastPage.TotalIsLowerBound, lastPage.Posts.Count));
    }

    [Fact]
    public async Task Search_OffsetPastTheEnd_NoPostsAndTheTotal()
    {
        var result = await _search.SearchAsync(new PostQuery { Offset = 6 }, CancellationToken.None);
        Assert.Empty(result.Posts);
        Assert.Equal((6L, false), (result.Total, result.TotalIsLowerBound));

        var capped = await _search.SearchAsync(new PostQuery { Offset = 100, CountUpTo = 5 }, CancellationToken.None);
        Assert.Equal((5L, true), (capped.Total, capped.TotalIsLowerBound));
    }

    [Fact]
    public async Task Search_GroupBy_TotalIsExactWhateverCountUpTo()
    {
        var result = await _search.SearchAsync(new PostQuery { GroupBy = "network", CountUpTo = 2 }, CancellationToken.None);
        Assert.Equal((6L, false), (result.Total, result.TotalIsLowerBound));
    }

    [Fact]
    public async Task Search_NegativeOffset_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _search.SearchAsync(new PostQuery { Offset = -1 }, CancellationToken.None));

    [Fact]
    public async Task Search_Reclassified_FiltersSeeTheNewClassification()
    {
        // the feed filters read copies of the classification kept in posts by triggers: a correction must move the post
        using (var connection = _store.Database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE classifications SET sector = 'tko', risk_level = 'Critical', is_appeal = 0 WHERE post_key = 'vk:-1:5'";
            command.ExecuteNonQuery();
        }

        var tko = await _search.SearchAsync(new PostQuery { Sector = "tko", MinRisk = "Critical", Appeal = false }, CancellationToken.None);
        Assert.Equal(("vk:-1:5", "tko", "Critical"), Assert.Single(tko.Posts) is var p ? (p.Id, p.Sector, p.RiskLevel) : default);
        var other = await _search.SearchAsync(new PostQuery { Sector = "other" }, CancellationToken.None);
        Assert.Empty(other.Posts);
    }
}
