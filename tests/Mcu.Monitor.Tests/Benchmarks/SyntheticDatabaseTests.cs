using System.Text.Json;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Benchmarks;

public sealed class SyntheticDatabaseTests(SyntheticDatabaseFixture fixture) : IClassFixture<SyntheticDatabaseFixture>
{
    [Fact]
    public void Fill_2000Posts_EveryPostHasItsClassificationAndTheFeedCopies()
    {
        Assert.Equal(SyntheticDatabaseFixture.Posts, fixture.Summary.Posts);
        Assert.Equal(2_000, fixture.Scalar("SELECT COUNT(*) FROM posts"));
        Assert.Equal(2_000, fixture.Scalar("SELECT COUNT(*) FROM posts p JOIN classifications c ON c.post_key = p.key"));
        Assert.Equal(0, fixture.Scalar("""
            SELECT COUNT(*) FROM posts p JOIN classifications c ON c.post_key = p.key
            WHERE p.feed_sector IS NOT c.sector OR p.feed_risk_level IS NOT c.risk_level OR p.feed_is_appeal IS NOT c.is_appeal
            """));

        // the schema's triggers indexed every text: FTS5 checks its index against the posts and throws on a difference
        using var connection = fixture.Database.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)";
        check.ExecuteNonQuery();
        Assert.True(fixture.Scalar("SELECT COUNT(*) FROM posts_fts WHERE posts_fts MATCH '\"воды\"'") > 100);
    }

    [Fact]
    public void Fill_2000Posts_EveryAppealBelongsToOneIncidentOfItsSector()
    {
        var appeals = fixture.Scalar("SELECT COUNT(*) FROM classifications WHERE is_appeal = 1");
        Assert.Equal(appeals, fixture.Scalar("SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(fixture.Summary.IncidentPosts, appeals);
        Assert.Equal(fixture.Summary.Incidents, fixture.Scalar("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(0, fixture.Scalar("""
            SELECT COUNT(*) FROM incident_posts ip JOIN classifications c ON c.post_key = ip.post_key JOIN incidents i ON i.id = ip.incident_id
            WHERE c.is_appeal = 0 OR c.sector <> i.sector
            """));
        Assert.Equal(0, fixture.Scalar("SELECT COUNT(*) FROM (SELECT post_key FROM incident_posts GROUP BY post_key HAVING COUNT(*) > 1)"));
        // every incident lists its own post, and some appeals joined an incident instead of opening one
        Assert.Equal(0, fixture.Scalar("SELECT COUNT(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_posts ip WHERE ip.incident_id = i.id AND ip.post_key = i.post_key)"));
        Assert.InRange(fixture.Summary.Incidents, appeals / 2, appeals - 1);
    }

    [Fact]
    public void Fill_2000Posts_HasTheRealisticMix()
    {
        var sectors = fixture.Rows("SELECT sector, COUNT(*) FROM classifications GROUP BY sector", r => (r.GetString(0), r.GetInt64(1)));
        Assert.Equal(SyntheticDatabase.Sectors.Select(s => s.Id).Order(), sectors.Select(s => s.Item1).Order());
        Assert.Equal("other", sectors.MaxBy(s => s.Item2).Item1);

        var risks = fixture.Rows("SELECT risk_level, COUNT(*) FROM classifications GROUP BY risk_level", r => (r.GetString(0), r.GetInt64(1))).ToDictionary();
        Assert.Equal(["Critical", "High", "Low", "Medium"], risks.Keys.Order());
        Assert.True(risks["Low"] > 1_400, $"Low: {risks["Low"]}"); // mostly Low

        Assert.InRange(fixture.Scalar("SELECT COUNT(*) FROM classifications WHERE is_appeal = 1"), 500, 700); // about 30%
        Assert.Equal(["ok", "telegram", "vk"], fixture.Rows("SELECT DISTINCT network FROM posts ORDER BY network", r => r.GetString(0)));
        Assert.InRange(fixture.Scalar("SELECT COUNT(DISTINCT locality_id) FROM posts"), 15, SyntheticDatabase.Localities.Count);
        Assert.InRange(fixture.Scalar("SELECT COUNT(*) FROM posts WHERE locality_id IS NULL"), 350, 650); // about a quarter
        Assert.InRange(fixture.Scalar("SELECT COUNT(*) FROM posts WHERE kind = 'comment'"), 450, 900);
        Assert.Equal(0, fixture.Scalar("SELECT COUNT(*) FROM posts c WHERE c.parent_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.key = c.parent_key)"));

        var lengths = fixture.Rows("SELECT length(text) FROM posts", r => r.GetInt32(0));
        Assert.InRange(lengths.Average(), 170, 240);
        Assert.All(fixture.Rows("SELECT reasons FROM classifications LIMIT 50", r => r.GetString(0)),
            reasons => Assert.Equal(3, JsonSerializer.Deserialize<string[]>(reasons)!.Length));
    }

    [Fact]
    public void Fill_2000Posts_PublishedEvenlyOverTwoYearsUpToTheEnd()
    {
        var times = fixture.Rows("SELECT published_at FROM posts", r => SqliteDatabase.FromDb(r.GetString(0)));
        Assert.Equal(SyntheticDatabase.DefaultEnd, fixture.Summary.To);
        Assert.Equal(SyntheticDatabase.DefaultEnd - SyntheticDatabase.Span, fixture.Summary.From);
        Assert.All(times, t => Assert.InRange(t, fixture.Summary.From - TimeSpan.FromHours(6), fixture.Summary.To));
        var firstYear = times.Count(t => t < fixture.Summary.From + TimeSpan.FromDays(365));
        Assert.InRange(firstYear, 900, 1_100);
    }

    [Fact]
    public void Fill_SameSeed_WritesTheSameRows()
    {
        using var directory = new TempDirectory();
        var again = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = directory.File("again.db") }));
        SyntheticDatabase.Fill(again, SyntheticDatabaseFixture.Posts, seed: 7);

        const string Rows = "SELECT p.key || p.published_at || p.text || c.sector || c.risk_level || c.is_appeal FROM posts p JOIN classifications c ON c.post_key = p.key ORDER BY p.key";
        using var connection = again.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Rows;
        using var reader = command.ExecuteReader();
        var other = new List<string>();
        while (reader.Read())
        {
            other.Add(reader.GetString(0));
        }

        Assert.Equal(fixture.Rows(Rows, r => r.GetString(0)), other);
    }

    [Fact]
    public void Fill_DatabaseWithPosts_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyntheticDatabase.Fill(fixture.Database, 10));
        Assert.Contains("already holds posts", error.Message, StringComparison.Ordinal);
    }
}
