using System.Text.Json;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Cli;

public class QueryCommandTests
{
    [Fact]
    public async Task Query_MoreMatchesThanTheCountStopsAt_PrintsNPlusUnlessExact()
    {
        using var cli = new CliRunner();
        SyntheticDatabase.Fill(new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = cli.DatabasePath })), 10_050, seed: 3);

        var capped = await cli.RunAsync("query", "--limit", "2");
        var exact = await cli.RunAsync("query", "--limit", "2", "--exact");
        var json = await cli.RunAsync("query", "--limit", "2", "--json");

        Assert.Equal(0, capped.ExitCode);
        Assert.StartsWith($"{PostQuery.DefaultCountUpTo}+ post(s) match (sqlite)", capped.Output, StringComparison.Ordinal);
        Assert.StartsWith("10050 post(s) match (sqlite)", exact.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal((10_000, true), (document.RootElement.GetProperty("total").GetInt64(), document.RootElement.GetProperty("totalIsLowerBound").GetBoolean()));
    }

    [Fact]
    public async Task Query_Offset_PrintsTheNextPage()
    {
        using var cli = new CliRunner();
        SyntheticDatabase.Fill(new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = cli.DatabasePath })), 300, seed: 3);

        var both = Ids(await cli.RunAsync("query", "--sector", "zhkh", "--limit", "6", "--json"));
        var second = Ids(await cli.RunAsync("query", "--sector", "zhkh", "--limit", "3", "--offset", "3", "--json"));

        Assert.Equal(6, both.Count);
        Assert.Equal(both.Skip(3), second);
    }

    [Fact]
    public async Task Query_NegativeOffset_IsBadInput()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("query", "--offset", "-1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--offset must be 0 or more", result.Error, StringComparison.Ordinal);
    }

    private static List<string> Ids(CliResult result)
    {
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        return [.. document.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
    }
}
