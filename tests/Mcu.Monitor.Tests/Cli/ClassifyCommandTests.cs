using System.Text.Json;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class ClassifyCommandTests
{
    [Fact]
    public async Task Classify_Complaint_PrintsSectorAppealRiskLocalityAndWhy()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("classify", "В Иловке третий день нет воды, управляющая компания молчит! Сколько можно?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sector:   zhkh", result.Output, StringComparison.Ordinal);
        Assert.Contains("appeal:   yes", result.Output, StringComparison.Ordinal);
        Assert.Contains("locality: с. Иловка (ilovka)", result.Output, StringComparison.Ordinal);
        Assert.Contains("why:", result.Output, StringComparison.Ordinal);
        Assert.Contains("«нет воды»", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_Json_IsParseable()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("classify", "--json", "Автобус не пришёл, на остановке холодно");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("transport", json.RootElement.GetProperty("sector").GetString());
        Assert.True(json.RootElement.GetProperty("reasons").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Classify_NoDatabaseNeeded_DoesNotFailOnEmptyText()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("classify", "");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sector:   other", result.Output, StringComparison.Ordinal);
    }
}
