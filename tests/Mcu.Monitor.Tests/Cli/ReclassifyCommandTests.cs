using Mcu.Monitor.Tests.MachineLearning;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Tests.Cli;

public class ReclassifyCommandTests
{
    [Fact]
    public async Task Reclassify_AfterAModelChange_RecordsTheNewVersionAndQueuesReindexing()
    {
        using var cli = new CliRunner();
        var feed = cli.File("feed.jsonl");
        await File.WriteAllLinesAsync(feed,
        [
            """{"network":"vk","owner":"-1","id":"1","published_at":"2026-11-20T10:00:00+03:00","text":"мусор не вывозят неделю"}""",
            """{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-20T10:05:00+03:00","text":"автобус не пришел утром"}""",
            """{"network":"vk","owner":"-1","id":"3","kind":"comment","parent_id":"1","published_at":"2026-11-20T10:06:00+03:00","text":"у нас то же самое"}""",
        ]);
        cli.Settings["Classification:Models:Enabled"] = "false"; // stored with the lexicon first
        Assert.Equal(0, (await cli.RunAsync("import", feed)).ExitCode);
        var outboxBefore = Scalar(cli, "SELECT count(*) FROM index_outbox WHERE doc_type = 'post'");

        cli.Settings["Classification:Models:Enabled"] = "true";
        cli.Settings["Classification:Models:Directory"] = TinyCorpus.ModelDirectory;
        var result = await cli.RunAsync("reclassify", "--batch", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Reclassified 3 of 3 posts with ml-", result.Output, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(cli, "SELECT count(*) FROM classifications WHERE model_version NOT LIKE 'ml-%'"));
        Assert.Equal(outboxBefore + 3, Scalar(cli, "SELECT count(*) FROM index_outbox WHERE doc_type = 'post'"));
        Assert.Equal(1L, Scalar(cli, "SELECT count(*) FROM classifications WHERE post_key = 'vk:-1:1' AND sector = 'tko' AND reasons LIKE '%модель%'"));

        // a second run finds nothing left to do; --all does it again
        Assert.Contains("Reclassified 0 of 3", (await cli.RunAsync("reclassify")).Output, StringComparison.Ordinal);
        Assert.Contains("Reclassified 3 of 3", (await cli.RunAsync("reclassify", "--all")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_WithFeedbackAndExtraCsv_UsesBoth()
    {
        using var cli = new CliRunner();
        var feed = cli.File("feed.jsonl");
        await File.WriteAllLinesAsync(feed,
        [
            """{"network":"vk","owner":"-1","id":"1","published_at":"2026-11-20T10:00:00+03:00","text":"на горке у клуба каток залили"}""",
        ]);
        cli.Settings["Classification:Models:Enabled"] = "false";
        Assert.Equal(0, (await cli.RunAsync("import", feed)).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={cli.DatabasePath}"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO training_feedback (post_key, municipality, field, value, actor, created_at)
                VALUES ('vk:-1:1', 'alekseevsky-go', 'sector', 'other', 'officer', '2026-11-21T10:00:00Z'),
                       ('vk:-1:1', 'alekseevsky-go', 'appeal', '0', 'officer', '2026-11-21T10:00:00Z')
                """;
            insert.ExecuteNonQuery();
        }

        var corpus = Directory.CreateDirectory(cli.File("corpus")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(corpus, "tiny.jsonl"), TinyCorpus.Texts.Select(t => System.Text.Json.JsonSerializer.Serialize(new
        {
            text = t.Text, sector = t.Sector, appeal = t.Appeal == true ? 1 : 0, negative = t.Negative == true ? 1 : 0, inappropriate = t.Inappropriate == true ? 1 : 0,
        })));
        var extra = cli.File("extra.csv");
        await File.WriteAllTextAsync(extra, "text,negative\nвсе отвратительно,1\nчудесный день,0\n");

        var result = await cli.RunAsync("model", "train", "--corpus", corpus, "--extra", extra, "--out", cli.File("out"), "--folds", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"training data: {TinyCorpus.Texts.Count + 3} texts from 2 files and 2 feedback rows", result.Output, StringComparison.Ordinal);
        Assert.Contains("models ml-", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.File("out"), "sector.zip")));
    }

    private static long Scalar(CliRunner cli, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={cli.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
