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
}
