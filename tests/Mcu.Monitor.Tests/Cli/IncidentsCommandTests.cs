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
        // New, or already answered (or reopened) by the official comments in the sample feed's threads.
        Assert.All(rows, r => Assert.Contains(r.GetProperty("status").GetString(), (string[])["New", "Answered", "Reopened"]));
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

    [Fact]
    public async Task Query_AfterRun_JsonGroupsAddUpToTheTotalAndTableListsPosts()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("run", "--once");

        var grouped = await cli.RunAsync("query", "--group-by", "sector", "--json");
        var appeals = await cli.RunAsync("query", "--appeal", "true", "--network", "vk", "--limit", "3");

        Assert.Equal(0, grouped.ExitCode);
        using var document = JsonDocument.Parse(grouped.Output);
        Assert.Equal("sqlite", document.RootElement.GetProperty("backend").GetString());
        var total = document.RootElement.GetProperty("total").GetInt64();
        Assert.True(total >= 300);
        Assert.Equal(total, document.RootElement.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("count").GetInt64()));
        Assert.Equal(0, appeals.ExitCode);
        Assert.Contains("post(s) match (sqlite)", appeals.Output, StringComparison.Ordinal);
        Assert.Equal(3, appeals.Output.Split('\n').Count(l => l.Contains("https://vk.com/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OfficerMoves_AreRecordedInTheTimelineAndRefusedMovesExitWithTwo()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("run", "--once");
        var id = JsonDocument.Parse((await cli.RunAsync("incidents", "list", "--json", "--status", "New")).Output).RootElement[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var take = await cli.RunAsync("incidents", "take", id, "--actor", "officer:ivanova");
        var again = await cli.RunAsync("incidents", "take", id);
        var noReason = await cli.RunAsync("incidents", "reject", id);
        var reassign = await cli.RunAsync("incidents", "reassign", id, "--to", "roads", "--reason", "это дорога", "--actor", "officer:ivanova");
        var show = await cli.RunAsync("incidents", "show", id);

        Assert.Equal(0, take.ExitCode);
        Assert.Contains("«Новый» → «В работе»", take.Output, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Equal(0, reassign.ExitCode);
        Assert.Contains("→ roads", show.Output, StringComparison.Ordinal);
        Assert.Matches(@"taken\s+officer:ivanova", show.Output);
        Assert.Matches(@"reassigned\s+officer:ivanova\s+\S+ → roads: это дорога", show.Output);
        Assert.Equal(2, (await cli.RunAsync("incidents", "show", "999999")).ExitCode);
    }

    [Fact]
    public async Task RecipientsInvite_PrintsAOneTimeCode_UnknownRecipientIsRefused()
    {
        using var cli = new CliRunner();

        var invite = await cli.RunAsync("recipients", "invite", "zhkh");
        var unknown = await cli.RunAsync("recipients", "invite", "nobody");
        var list = await cli.RunAsync("recipients", "list");

        Assert.Equal(0, invite.ExitCode);
        Assert.Matches(@"/start [A-Z2-9]{5}-[A-Z2-9]{5}", invite.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("zhkh", list.Output, StringComparison.Ordinal);
    }
}
