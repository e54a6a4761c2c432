using System.Text.Json;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class IncidentsCommandTests
{
    [Fact]
    public async Task IncidentsList_AfterRun_TableAndJsonAgree()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("run", "--once")).ExitCode);

        var table = await cli.RunAsync("incidents", "list", "--limit", "1000");
        var json = await cli.RunAsync("incidents", "list", "--json", "--limit", "1000");

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Contains($"{rows.Count} incident(s)", table.Output, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal("alekseevsky-go", r.GetProperty("municipality").GetString()));
        Assert.All(rows, r => Assert.Equal("New", r.GetProperty("status").GetString()));
        var due = rows.Select(r => r.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(due.Order(), due); // most urgent first
    }

    [Fact]
    public async Task IncidentsList_StatusFilter_ReturnsOnlyThatStatus()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("run", "--once");
        var result = await cli.RunAsync("incidents", "list", "--json", "--status", "Closed");
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal(0, document.RootElement.GetArrayLength());
    }
}
