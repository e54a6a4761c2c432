using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mcu.Monitor.Classification;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary><c>reclassify</c>: classify stored posts again with the current models, in batches, and re-index them.</summary>
internal static class ReclassifyCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var batch = new Option<int>("--batch") { Description = "Posts per transaction", DefaultValueFactory = _ => 1000 };
        var all = new Option<bool>("--all") { Description = "Also posts already classified by the current model version" };
        var command = new Command("reclassify", "Classify stored posts again after a model change (model version recorded, Elasticsearch updated through the outbox)")
        {
            batch, all,
        };
        command.SetAction(async (parse, ct) =>
        {
            var size = parse.GetValue(batch);
            if (size is < 1 or > 100_000)
            {
                await context.Error.WriteLineAsync("error: --batch must be between 1 and 100000");
                return CommandExecution.BadInput;
            }

            return await CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
            {
                var services = host.Services;
                var version = services.GetRequiredService<LoadedModels>().Get(services.GetRequiredService<IOptions<ClassificationOptions>>().Value).ModelVersion;
                var reclassifier = new SqliteReclassifier(
                    services.GetRequiredService<SqliteDatabase>(),
                    services.GetRequiredService<IPostClassifier>(),
                    services.GetRequiredService<OfficialAccounts>(),
                    services.GetRequiredService<TimeProvider>());
                var stopwatch = Stopwatch.StartNew();
                var result = reclassifier.Run(version, size, parse.GetValue(all),
                    p => context.Error.WriteLine($"  {p.Seen} posts read, {p.Reclassified} reclassified, {p.Changed} changed"), token);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Reclassified {result.Reclassified} of {result.Seen} posts with {version}: {result.Changed} changed sector, appeal or risk; {result.Reclassified} queued for re-indexing ({stopwatch.Elapsed.TotalSeconds:0.0} s)"));
                return CommandExecution.Ok;
            }, ct);
        });
        return command;
    }
}
