using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Configuration;

/// <summary>A bad configuration stops start-up with exit code 2, naming the full key and the bad value.</summary>
public class StartupValidationTests
{
    [Theory]
    [InlineData("Pipeline:BatchSize", "0", "Pipeline:BatchSize = '0'")]
    [InlineData("Pipeline:BatchDelay", "-00:00:01", "Pipeline:BatchDelay = '-00:00:01'")]
    [InlineData("Municipality:Id", "", "Municipality:Id = '': is required")]
    [InlineData("Municipality:Id", "Алексеевка", "Municipality:Id = 'Алексеевка'")]
    [InlineData("Municipality:TimeZone", "Mars/Olympus", "Municipality:TimeZone = 'Mars/Olympus'")]
    [InlineData("Routing:DefaultRecipient", "nobody", "Routing:DefaultRecipient = 'nobody'")]
    [InlineData("Routing:Rules:0:Recipient", "nobody", "Routing:Rules:0:Recipient = 'nobody'")]
    [InlineData("Routing:Rules:0:Sector", "weather", "Routing:Rules:0:Sector = 'weather'")]
    [InlineData("Routing:Rules:1:Locality", "atlantis", "Routing:Rules:1:Locality = 'atlantis'")]
    [InlineData("Sources:File:0:Path", "no-such-feed.jsonl", "Sources:File:0:Path = 'no-such-feed.jsonl'")]
    [InlineData("Sources:File:0:Id", "bad id!", "Sources:File:0:Id = 'bad id!'")]
    [InlineData("Classification:RiskThresholds:High", "0.9", "Classification:RiskThresholds")]
    [InlineData("Incidents:Deadlines:Reaction:Critical", "00:00:00", "Incidents:Deadlines:Reaction:Critical = '00:00:00'")]
    [InlineData("Alerts:Channel", "pigeon", "Alerts:Channel = 'pigeon'")]
    [InlineData("Alerts:Channel", "telegram", "Alerts:Telegram:BotToken = ''")]
    [InlineData("Alerts:Telegram:BotToken", "not-a-token", "Alerts:Telegram:BotToken = '***'")]
    [InlineData("Incidents:SectorPriority:tko", "Urgent", "Incidents:SectorPriority:tko = 'Urgent'")]
    [InlineData("Incidents:SectorPriority:weather", "High", "Incidents:SectorPriority:weather = 'High'")]
    [InlineData("WorkingCalendar:WorkdayStart", "19:00:00", "WorkingCalendar:WorkdayStart = '19:00:00'")]
    [InlineData("Routing:Recipients:2:TelegramChatIds:0", "@mcu_chat", "Routing:Recipients:2:TelegramChatIds:0 = '@mcu_chat'")]
    [InlineData("WorkingCalendar:Holidays:0", "2026-13-45", "WorkingCalendar:Holidays:0 = '2026-13-45'")]
    [InlineData("WorkingCalendar:Weekends:1", "Sundey", "WorkingCalendar:Weekends:1 = 'Sundey'")]
    [InlineData("Storage:BusyTimeout", "abc", "'abc' at 'Storage:BusyTimeout'")]
    [InlineData("Pipeline:BatchSize", "many", "'many' at 'Pipeline:BatchSize'")]
    public async Task AnyCommand_InvalidSetting_ExitsWithCode2NamingKeyAndValue(string key, string value, string expected)
    {
        using var cli = new CliRunner();
        cli.Settings[key] = value;

        var result = await cli.RunAsync("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: invalid configuration", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(cli.DatabasePath), "nothing may run before the configuration is valid");
    }

    [Fact]
    public async Task AnyCommand_SeveralProblems_AllReportedInOneMessage()
    {
        using var cli = new CliRunner();
        cli.Settings["Pipeline:BatchSize"] = "0";
        cli.Settings["Alerts:MaxTextLength"] = "5";

        var result = await cli.RunAsync("incidents", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Pipeline:BatchSize = '0'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Alerts:MaxTextLength = '5'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFile_InvalidJson_ExitsWithCode2()
    {
        using var cli = new CliRunner();
        var path = cli.File("bad.json");
        await File.WriteAllTextAsync(path, "{ \"Pipeline\": { \"BatchSize\": ");

        var result = await cli.RunAsync("run", "--once", "--config", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFile_Missing_ExitsWithCode2NamingIt()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("classify", "текст", "--config", cli.File("absent.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandOrOption_OneLineErrorAndCode2()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("run", "--twice");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("import", "--help")]
    [InlineData("incidents", "list", "--help")]
    [InlineData("classify", "--help")]
    [InlineData("bench", "import", "--help")]
    public async Task Help_EveryCommand_PrintsUsageAndExits0(params string[] args)
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}
