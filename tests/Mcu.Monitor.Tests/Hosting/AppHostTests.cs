using Mcu.Monitor.Alerts;
using Mcu.Monitor.Cli;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Scheduling;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Mcu.Monitor.Tests.Hosting;

public class AppHostTests
{
    [Fact]
    public async Task Build_FromAppsettingsExample_ValidatesAndResolvesEveryHostedServiceAndJob()
    {
        using var cli = new CliRunner();
        using var host = AppHost.Build(new AppHostSettings
        {
            ConfigFile = Path.Combine(TestConfiguration.RepositoryRoot(), "appsettings.example.json"),
            Worker = true,
            Overrides = cli.Settings,
            AlertOutput = TextWriter.Null,
        });

        AppHost.Prepare(host);

        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is AlertDispatcherService);
        Assert.Contains(hosted, s => s.GetType().Name.Contains("Quartz", StringComparison.Ordinal));
        await hosted.OfType<SourceJobScheduler>().Single().StartAsync(CancellationToken.None); // schedules, does not run
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("poll file:sample")));
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("retention")));
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("poll file:sample")));
        foreach (var type in new[] { typeof(SourceRunner), typeof(IngestPipeline), typeof(AlertDispatcher), typeof(SqliteIncidentQueries), typeof(SqliteRetention),
            typeof(Mcu.Monitor.Triage.TriageQueue), typeof(Mcu.Monitor.Triage.TriageService), typeof(Mcu.Monitor.Triage.IncidentBoard) })
        {
            Assert.NotNull(host.Services.GetService(type));
        }
    }

    [Fact]
    public async Task Build_WithEveryNetworkConfigured_SchedulesAJobPerSource()
    {
        using var cli = new CliRunner();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Sources:Vk:Enabled"] = "true",
            ["Sources:Vk:ServiceToken"] = "dummy-service-token",
            ["Sources:Vk:Communities:0"] = "club201234567",
            ["Sources:Vk:Queries:0"] = "Алексеевка",
            ["Sources:Ok:Groups:0:Id"] = "53038939046008",
            ["Sources:Ok:Groups:0:Name"] = "Алексеевка",
            ["Sources:Ok:Groups:0:Enabled"] = "true",
            ["Sources:Ok:ApplicationKey"] = "CBAFJIICABABABABA",
            ["Sources:Ok:SecretKey"] = "dummy-secret",
            ["Sources:Ok:AccessToken"] = "dummy-token",
            ["Sources:Telegram:ReadBotUpdates"] = "true",
            ["Sources:Telegram:BotToken"] = "123456789:AAdummyDummyDummyDummyDummyDummy_dum",
            ["Sources:Telegram:PublicChannels:0"] = "alekseevka_news",
        })
        {
            cli.Settings[key] = value;
        }

        using var host = AppHost.Build(new AppHostSettings { Worker = true, Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);
        await host.Services.GetServices<IHostedService>().OfType<SourceJobScheduler>().Single().StartAsync(CancellationToken.None);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        foreach (var source in new[] { "file:sample", "vk:walls", "vk:comments", "vk:search", "ok:group:53038939046008", "telegram:bot", "telegram:web:alekseevka_news" })
        {
            Assert.True(await scheduler.GetJobDetail(new JobKey(SourceJobScheduler.JobName(source))) is not null, source);
        }
    }

    [Fact]
    public async Task Run_Worker_PollsTheSampleFeedAndDeliversEveryAlertUntilStopped()
    {
        using var cli = new CliRunner();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = MonitorCommandLine.RunAsync(["run"], new CliContext(output, error, cli.Settings), stop.Token);

        while (!stop.IsCancellationRequested && !AllAlertsSent(cli.DatabasePath))
        {
            await Task.Delay(200);
        }

        Assert.False(stop.IsCancellationRequested, "the worker did not deliver the alerts in 2 minutes: " + error);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("Инцидент #", output.ToString(), StringComparison.Ordinal);
    }

    private static bool AllAlertsSent(string database)
    {
        if (!File.Exists(database))
        {
            return false;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            // Every incident's opening alert and whatever reminders and escalations were due, all sent.
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM incidents),
                       (SELECT COUNT(*) FROM alert_outbox WHERE kind = 'incident.opened' AND sent_at IS NOT NULL),
                       (SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL)
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            return reader.GetInt64(0) > 0 && reader.GetInt64(0) == reader.GetInt64(1) && reader.GetInt64(2) == 0;
        }
        catch (SqliteException)
        {
            return false; // the schema is being created
        }
    }
}
