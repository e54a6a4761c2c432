using Mcu.Monitor.Hosting;
using Mcu.Monitor.Scheduling;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>The spike services in the composed host, the job's schedule and the Spikes section's validation.</summary>
public sealed class SpikeServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Build_FromAppsettingsExample_ResolvesTheSpikeServicesAndSchedulesTheJob()
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

        Assert.IsType<ConsoleSpikeChannel>(host.Services.GetRequiredService<ISpikeChannel>());
        Assert.NotNull(host.Services.GetRequiredService<SpikeWatcher>());
        Assert.NotNull(host.Services.GetRequiredService<SpikeNotifier>());
        await host.Services.GetServices<IHostedService>().OfType<SourceJobScheduler>().Single().StartAsync(CancellationToken.None);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsType<Quartz.Impl.Triggers.SimpleTriggerImpl>(await scheduler.GetTrigger(new TriggerKey(SpikeJob.Name)), exactMatch: false);
        Assert.Equal(TimeSpan.FromMinutes(15), trigger.RepeatInterval);
    }

    [Theory]
    [InlineData("Spikes:Recipient", "nobody", "Spikes:Recipient = 'nobody': not a configured recipient")]
    [InlineData("Spikes:MinRisk", "Severe", "Spikes:MinRisk = 'Severe'")]
    [InlineData("Spikes:Step", "00:07:00", "Spikes:Step = '00:07:00': must divide Spikes:Window")]
    [InlineData("Spikes:MinCount", "1", "Spikes:MinCount = '1'")]
    public async Task RunOnce_InvalidSpikesSetting_ExitsWithCode2NamingKeyAndValue(string key, string value, string expected)
    {
        using var cli = new CliRunner();
        cli.Settings[key] = value;

        var result = await cli.RunAsync("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
