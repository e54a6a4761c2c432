using Mcu.Monitor.Hosting;
using Mcu.Monitor.Reports.Weekly;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Mcu.Monitor.Tests.Reports.Weekly;

public class WeeklyNoteOptionsTests
{
    [Fact]
    public void Bind_NothingConfigured_Defaults()
    {
        var options = new ConfigurationBuilder().Build().GetSection(WeeklyNoteOptions.SectionName).Get<WeeklyNoteOptions>() ?? new WeeklyNoteOptions();

        Assert.Equal((true, "0 0 8 ? * MON", "reports"), (options.Enabled, options.Cron, options.OutputDirectory));
        Assert.Equal(["mcu-head"], options.EffectiveRecipients);
        Assert.Empty(WeeklyNoteServiceCollectionExtensions.Validate(options, TestConfiguration.Routing()));
    }

    [Fact]
    public void Bind_RecipientsConfigured_ReplaceTheDefault()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reports:Weekly:Recipients:0"] = "zhkh",
        }).Build();

        var options = configuration.GetSection(WeeklyNoteOptions.SectionName).Get<WeeklyNoteOptions>()!;

        Assert.Equal(["zhkh"], options.EffectiveRecipients);
    }

    [Fact]
    public void Validate_BadCronAndUnknownRecipient_EveryProblemWithItsKey()
    {
        var problems = WeeklyNoteServiceCollectionExtensions.Validate(
            new WeeklyNoteOptions { Cron = "every monday", Recipients = ["mcu-head", "nobody"], OutputDirectory = " " }, TestConfiguration.Routing()).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains("Reports:Weekly:Cron 'every monday' is not a Quartz cron expression (e.g. '0 0 8 ? * MON')", problems);
        Assert.Contains("Reports:Weekly:OutputDirectory must not be empty", problems);
        Assert.Contains("Reports:Weekly:Recipients:1 'nobody': no such recipient in Routing:Recipients", problems);
    }

    [Fact]
    public async Task Worker_FromAppsettingsExample_SchedulesTheNoteMondayAt8InTheMunicipalitysZone()
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

        var scheduler = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<WeeklyNoteScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None); // schedules, does not run

        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await quartz.GetJobDetail(new JobKey(WeeklyNoteScheduler.JobName)));
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await quartz.GetTrigger(new TriggerKey(WeeklyNoteScheduler.JobName)));
        Assert.Equal("0 0 8 ? * MON", trigger.CronExpressionString);
        Assert.Equal("Europe/Moscow", trigger.TimeZone.Id);
        Assert.NotNull(host.Services.GetService<WeeklyNoteDelivery>());
    }

    [Fact]
    public async Task Worker_Disabled_SchedulesNothing()
    {
        using var cli = new CliRunner();
        cli.Settings["Reports:Weekly:Enabled"] = "false";
        using var host = AppHost.Build(new AppHostSettings { Worker = true, Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);

        await host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<WeeklyNoteScheduler>().Single().StartAsync(CancellationToken.None);

        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Null(await quartz.GetJobDetail(new JobKey(WeeklyNoteScheduler.JobName)));
    }
}
