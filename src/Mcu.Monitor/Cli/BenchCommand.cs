using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.File;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>bench import</c>: end-to-end import throughput (read, parse, normalise, dedupe, locality, classify,
/// incident rules, SQLite commit) on a generated feed in a fresh temporary database.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var count = new Option<int>("--count") { Description = "Posts to generate and import", DefaultValueFactory = _ => 100_000 };
        var import = new Command("import", "Measure import throughput on a generated feed") { count };
        import.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            if (n <= 0)
            {
                await context.Error.WriteLineAsync("error: --count must be positive");
                return CommandExecution.BadInput;
            }

            var directory = Directory.CreateTempSubdirectory("mcu-bench-");
            try
            {
                var feed = Path.Combine(directory.FullName, "feed.jsonl");
                SyntheticFeed.Write(feed, n);
                var overrides = new Dictionary<string, string?>(context.Overrides ?? new Dictionary<string, string?>())
                {
                    ["Storage:DatabasePath"] = Path.Combine(directory.FullName, "bench.db"),
                    ["Serilog:MinimumLevel:Default"] = "Warning",
                };
                return await CommandExecution.ExecuteAsync(context with { Overrides = overrides }, parse.GetValue(config), worker: false, async (host, token) =>
                {
                    var source = host.Services.GetRequiredService<FileSourceProvider>().ForImport(feed);
                    var runner = host.Services.GetRequiredService<SourceRunner>();
                    var stopwatch = Stopwatch.StartNew();
                    var summary = await runner.RunAsync(source, token);
                    stopwatch.Stop();
                    var counts = host.Services.GetRequiredService<SqliteIncidentQueries>().Counts();
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Imported {summary.Stored} posts in {stopwatch.Elapsed.TotalSeconds:0.00} s: {summary.Stored / stopwatch.Elapsed.TotalSeconds:0} posts/s end to end; {counts.Incidents} incidents, {counts.Alerts} alerts queued ({Environment.ProcessorCount} cores)"));
                    return CommandExecution.Ok;
                }, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory.Delete(recursive: true);
            }
        });
        return new Command("bench", "Benchmarks") { import };
    }
}
