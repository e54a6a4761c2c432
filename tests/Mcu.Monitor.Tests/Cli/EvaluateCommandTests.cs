using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class EvaluateCommandTests
{
    [Fact]
    public async Task Evaluate_SectorCsv_PrintsAccuracyAndPerClassF1()
    {
        using var cli = new CliRunner();
        var path = cli.File("labels.csv");
        await File.WriteAllTextAsync(path, "text,sector\n\"Мусор не вывозят, контейнеры переполнены\",tko\nЯма на дороге,roads\nХорошая погода,zhkh\n");

        var result = await cli.RunAsync("evaluate", path, "--task", "sector");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("items 3, accuracy 0.667", result.Output, StringComparison.Ordinal);
        Assert.Contains("tko ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MissingColumn_OneLineErrorCode2()
    {
        using var cli = new CliRunner();
        var path = cli.File("labels.csv");
        await File.WriteAllTextAsync(path, "body,label\nтекст,1\n");
        var result = await cli.RunAsync("evaluate", path, "--task", "appeal");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs the columns text and appeal", result.Error, StringComparison.Ordinal);
    }
}
