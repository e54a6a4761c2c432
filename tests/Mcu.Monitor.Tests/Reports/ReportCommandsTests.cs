using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Scheduling;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mcu.Monitor.Tests.Reports;

public class ReportCommandsTests
{
    [Fact]
    public async Task Rating_JsonForGivenDays_RanksByScoreThenReceivedThenId()
    {
        using var cli = new CliRunner();
        Seed(cli);

        var result = await cli.RunAsync("rating", "--from", "2026-11-23", "--to", "2026-11-29", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2026-11-23..2026-11-29", json.RootElement.GetProperty("period").GetProperty("label").GetString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        // Perfect incidents score 100·(0.9 + 0.1·(1 − 1/24)) = 99.6; two for tko-operator, one each for education and social.
        // zhkh: one incident answered late and slow (reacted after 12 working hours, due after 4): D 0, A 1, C 0.4, R 1,
        // S 1 − 12/24 = 0.5 → 100·(0.25 + 0.08 + 0.15 + 0.05) = 53.0.
        Assert.Equal(
            [("tko-operator", 1, 99.6), ("education", 2, 99.6), ("social", 3, 99.6), ("zhkh", 4, 53.0)],
            rows.Take(4).Select(r => (r.GetProperty("recipientId").GetString()!, r.GetProperty("rank").GetInt32(), r.GetProperty("score").GetDouble())));
        Assert.Equal(JsonValueKind.Null, rows[4].GetProperty("score").ValueKind);
        Assert.Equal(12.0, rows[3].GetProperty("medianReactionHours").GetDouble());
        Assert.Equal(12, rows.Count);
    }

    [Fact]
    public async Task Rating_TableAndCsv_PrintEveryRecipient()
    {
        using var cli = new CliRunner();
        Seed(cli);

        var table = await cli.RunAsync("rating", "--from", "2026-11-23", "--to", "2026-11-29");
        var csv = await cli.RunAsync("rating", "--from", "2026-11-23", "--format", "csv");

        Assert.Equal((0, 0), (table.ExitCode, csv.ExitCode));
        Assert.Contains("tko-operator", table.Output, StringComparison.Ordinal);
        Assert.Contains("4 ranked, 8 without incidents", table.Output, StringComparison.Ordinal);
        Assert.StartsWith("Место;Получатель;", csv.Output, StringComparison.Ordinal);
        Assert.Contains("1;tko-operator;Региональный оператор по обращению с ТКО;99,6;2;1;1;1;1;100;0;1;0;;;;", csv.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "23.11.2026", "--from '23.11.2026'")]
    [InlineData("--to", "2026-13-01", "--to '2026-13-01'")]
    public async Task Rating_BadDate_Exit2NamingIt(string option, string value, string expected)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("rating", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportIndicators_Month_WritesAValidXlsxAndTheCsvBesideIt()
    {
        using var cli = new CliRunner();
        Seed(cli);
        var output = cli.File("reports/indicators-2026-11.xlsx");

        var result = await cli.RunAsync("report", "indicators", "--month", "2026-11", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Indicators for 2026-11", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(output, ".csv")));
        using var document = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("Показатели;;Инцидентов получено, шт.;5", await File.ReadAllTextAsync(Path.ChangeExtension(output, ".csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportIndicators_YearWithoutOut_WritesIntoTheOutputDirectory()
    {
        using var cli = new CliRunner();
        cli.Settings["Reports:OutputDirectory"] = cli.File("annual");

        var result = await cli.RunAsync("report", "indicators", "--year", "2026");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(cli.File("annual/indicators-2026.xlsx")));
        Assert.True(File.Exists(cli.File("annual/indicators-2026.csv")));
    }

    [Theory]
    [InlineData("--month", "2026-13", "--month '2026-13'")]
    [InlineData("--month", "2026", "--month '2026'")]
    [InlineData("--year", "2026-11", "--year '2026-11'")]
    public async Task ReportIndicators_BadPeriod_Exit2NamingTheValue(string option, string value, string expected)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("report", "indicators", option, value, "--out", cli.File("x.xlsx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.File("x.xlsx")));
    }

    [Fact]
    public async Task Rating_BadRecipientPage_Exit2NamingTheKeyAndValue()
    {
        using var cli = new CliRunner();
        cli.Settings["Reports:RecipientPages:zhkh"] = "vkontakte";
        cli.Settings["Reports:IndicatorsSchedule"] = "every month";

        var result = await cli.RunAsync("rating");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Reports:RecipientPages:zhkh 'vkontakte'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Reports:IndicatorsSchedule 'every month'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_SchedulesTheMonthlyReportOnTheFirstAt0600Moscow_AndTheJobWritesLastMonth()
    {
        using var cli = new CliRunner();
        cli.Settings["Reports:OutputDirectory"] = cli.File("monthly");
        using var host = AppHost.Build(new AppHostSettings { Worker = true, Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);

        await host.Services.GetServices<IHostedService>().OfType<ReportJobScheduler>().Single().StartAsync(CancellationToken.None);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(IndicatorsReportJob.Name)));

        Assert.Equal("0 0 6 1 * ?", trigger.CronExpressionString);
        Assert.Equal("Europe/Moscow", trigger.TimeZone.Id);
        var next = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, trigger.TimeZone);
        Assert.Equal((1, 6, 0), (next.Day, next.Hour, next.Minute));

        var job = ActivatorUtilities.CreateInstance<IndicatorsReportJob>(host.Services);
        await job.Execute(null!, CancellationToken.None);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var month = ReportPeriod.LastCompleteMonth(host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        Assert.True(File.Exists(Path.Combine(cli.File("monthly"), $"indicators-{month.Label}.xlsx")));
        Assert.Equal("0 0 6 1 * ?", host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.IndicatorsSchedule);
    }

    /// <summary>Week 2026-W48: perfect incidents for tko-operator (2), education and social; one slow, late one for zhkh.</summary>
    private static void Seed(CliRunner cli)
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = cli.DatabasePath }));
        foreach (var (id, recipient) in new[] { (1L, "education"), (2L, "social"), (3L, "tko-operator"), (4L, "tko-operator") })
        {
            ReportSeed.InsertIncident(database, id, recipient, "other", "Closed", ReportSeed.Msk(11, 23, 10), ReportSeed.Msk(11, 23, 18),
                reaction: ReportSeed.Msk(11, 23, 11), answered: ReportSeed.Msk(11, 23, 11), score: 100);
        }

        // Mon 10:00 → answered Tue 15:00: Mon 7 h (10–13, 14–18) + Tue 5 h (9–13, 14–15) = 12 working hours; due Mon 15:00, so late.
        ReportSeed.InsertIncident(database, 5, "zhkh", "zhkh", "Answered", ReportSeed.Msk(11, 23, 10), ReportSeed.Msk(11, 23, 15),
            answered: ReportSeed.Msk(11, 24, 15), score: 40);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
