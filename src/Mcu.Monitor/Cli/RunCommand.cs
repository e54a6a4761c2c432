using System.CommandLine;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary><c>run</c>: the worker. <c>run --once</c> reads every source once, queues due reminders and escalations, delivers the alerts and prints what it did.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var once = new Option<bool>("--once") { Description = "Read every source once, deliver the alerts, print a summary and exit" };
        var command = new Command("run", "Run the monitoring worker (the default job)") { once };
        command.SetAction((parse, ct) =>
        {
            var isOnce = parse.GetValue(once);
            return CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: !isOnce,
                (host, token) => isOnce ? RunOnceAsync(host, context, token) : RunWorkerAsync(host, token), ct);
        });
        return command;
    }

    private static async Task<int> RunWorkerAsync(IHost host, CancellationToken cancellationToken)
    {
        await host.RunAsync(cancellationToken);
        return CommandExecution.Ok;
    }

    private static async Task<int> RunOnceAsync(IHost host, CliContext context, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var sources = services.GetRequiredService<SourceCatalog>().Enabled();
        services.GetRequiredService<SqliteSourceRegistry>().Register(sources);
        var results = await services.GetRequiredService<SourceRunner>().RunAllOnceAsync(sources, cancellationToken);
        var steps = services.GetRequiredService<DeadlineWatcher>().Check();
        var spikes = services.GetRequiredService<SpikeWatcher>().Check();
        var spikeNotifier = services.GetRequiredService<SpikeNotifier>();
        var (spikesSent, spikesFailed) = await spikeNotifier.DeliverAsync(cancellationToken);
        var (delivered, failed) = await services.GetRequiredService<AlertDispatcher>().DrainAsync(cancellationToken);
        var pending = services.GetRequiredService<SqliteAlertOutbox>().CountPending();

        var municipality = services.GetRequiredService<IOptions<MunicipalityOptions>>().Value;
        var database = services.GetRequiredService<SqliteDatabase>();
        var total = new IngestSummary();
        var output = context.Output;
        await output.WriteLineAsync($"Mcu.Monitor: {municipality.Name} ({municipality.Id}), database {database.FilePath}");
        foreach (var result in results)
        {
            total.Add(result.Summary);
            await output.WriteLineAsync(result.Error is null
                ? $"  source {result.SourceId}: read {result.Summary.Read}, new {result.Summary.Stored}, duplicates {result.Summary.Duplicates}, skipped {result.Summary.Skipped}, edited {result.Summary.Edited}"
                : $"  source {result.SourceId}: FAILED: {result.Error}");
        }

        await SummaryWriter.WriteAsync(output, total);
        await output.WriteLineAsync($"Reminders and escalations queued: {steps}");
        await output.WriteLineAsync($"Risk spikes: {spikes}, delivered {spikesSent} ({spikeNotifier.Channel}), failed {spikesFailed}");
        await output.WriteLineAsync($"Alerts delivered: {delivered} ({services.GetRequiredService<IAlertSender>().Channel}), failed {failed}, waiting {pending}");
        return results.Any(r => r.Error is not null) ? CommandExecution.Failed : CommandExecution.Ok;
    }
}
