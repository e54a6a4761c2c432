using System.Text.RegularExpressions;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public async Task BenchConsole_SmallDatabase_MeasuresEveryFilterAtTwoOffsetsAndKeepsTheDatabase()
    {
        using var cli = new CliRunner();
        var path = cli.File("console.db");

        var first = await cli.RunAsync("bench", "console", "--posts", "600", "--runs", "1", "--database", path, "--plans");
        var again = await cli.RunAsync("bench", "console", "--posts", "600", "--runs", "1", "--database", path);

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Generated 600 posts", first.Output, StringComparison.Ordinal);
        foreach (var filter in ConsoleFeedFilters.Typical(SyntheticDatabase.DefaultEnd))
        {
            Assert.Contains(filter.Name + " ", first.Output, StringComparison.Ordinal);
        }

        // a line per filter and offset: name, offset, median, max, total («+» when counting stopped), then the HTTP median and max
        var measured = first.Output.Split('\n').Count(line => Regex.IsMatch(line, @"^\S.*\s(0|1000)\s+\d+\.\d\s+\d+\.\d\s+\d+\+?\s+\d+\.\d\s+\d+\.\d\r?$"));
        Assert.Equal(2 * ConsoleFeedFilters.Typical(SyntheticDatabase.DefaultEnd).Count, measured);
        Assert.Contains("USING COVERING INDEX ix_posts_feed", first.Output, StringComparison.Ordinal); // --plans
        Assert.Contains("slowest median: ", first.Output, StringComparison.Ordinal);
        Assert.Contains(" ms over HTTP", first.Output, StringComparison.Ordinal);
        Assert.Contains("(target < 200 ms)", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith($"Reusing {path}: 600 posts", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchConsole_NoRuns_IsBadInput()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("bench", "console", "--runs", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--posts and --runs must be positive", result.Error, StringComparison.Ordinal);
    }
}
