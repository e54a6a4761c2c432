using System.Text.RegularExpressions;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public partial class RunCommandTests
{
    [Fact]
    public async Task RunOnce_SampleFeed_StoresPostsOpensIncidentsDeliversAlertsAndSummarises()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("run", "--once");

        Assert.True(result.ExitCode == 0, result.Error);
        var stored = Number(result.Output, @"Posts read: (\d+), stored: (\d+)", 2);
        var incidents = Number(result.Output, @"Incidents opened: (\d+)", 1);
        var steps = Number(result.Output, @"Reminders and escalations queued: (\d+)", 1);
        var delivered = Number(result.Output, @"Alerts delivered: (\d+)", 1);
        Assert.True(stored >= 300, result.Output);
        Assert.True(incidents > 0, result.Output);
        // The sample feed spans days, so its older appeals are already overdue and climb the escalation ladder.
        Assert.True(steps > 0, result.Output);
        Assert.True(delivered >= incidents + steps, result.Output); // and reopenings found in the threads
        Assert.Contains("waiting 0", result.Output, StringComparison.Ordinal);
        Assert.Contains("Эскалация: инцидент #", result.Output, StringComparison.Ordinal);
        Assert.Contains("Stored by sector:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Инцидент #1 →", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_Twice_SecondRunStoresNothingAndAlertsNothing()
    {
        using var cli = new CliRunner();
        var first = await cli.RunAsync("run", "--once");
        Assert.Equal(0, first.ExitCode);

        var second = await cli.RunAsync("run", "--once");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, Number(second.Output, @"stored: (\d+)", 1));
        Assert.Equal(0, Number(second.Output, @"Incidents opened: (\d+)", 1));
        // Only a reminder or escalation whose moment fell between the two runs may go out; no opening repeats.
        Assert.Equal(Number(second.Output, @"Reminders and escalations queued: (\d+)", 1), Number(second.Output, @"Alerts delivered: (\d+)", 1));
        Assert.DoesNotContain("Инцидент #", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_TwoSources_ReadsBoth()
    {
        using var cli = new CliRunner();
        var feed = cli.File("second.jsonl");
        await File.WriteAllTextAsync(feed, """{"network":"vk","owner":"-5","id":"1","published_at":"2026-11-20T10:00:00+03:00","text":"нет воды третий день"}""" + "\n");
        cli.Settings["Sources:File:1:Id"] = "second";
        cli.Settings["Sources:File:1:Path"] = feed;

        var result = await cli.RunAsync("run", "--once");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("source file:sample: read", result.Output, StringComparison.Ordinal);
        Assert.Contains("source file:second: read 1, new 1", result.Output, StringComparison.Ordinal);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sources WHERE type = 'file' AND display_name = 'JSONL second.jsonl' AND municipality = 'alekseevsky-go'";
        Assert.Equal(1L, command.ExecuteScalar());

        var list = await cli.RunAsync("sources", "list");
        Assert.Contains("file:second", list.Output, StringComparison.Ordinal);
        Assert.Contains("2 source(s); official accounts: vk:-213456789", list.Output, StringComparison.Ordinal);
    }

    private static int Number(string text, string pattern, int group)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"'{pattern}' not found in:\n{text}");
        return int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
