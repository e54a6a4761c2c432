using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.File;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>bench import</c>: end-to-end import throughput (read, parse, normalise, dedupe, locality, classify,
/// incident rules, SQLite commit) on a generated feed in a fresh temporary database.
/// <c>bench console</c>: how fast a page of the operator console's feed comes from a large database
/// (<see cref="SyntheticDatabase"/>), for each typical filter (<see cref="ConsoleFeedFilters"/>).
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
        return new Command("bench", "Benchmarks") { import, Console(context, config) };
    }

    private static Command Console(CliContext context, Option<string?> config)
    {
        var posts = new Option<int>("--posts") { Description = "Posts in the generated database", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each page after a warm-up", DefaultValueFactory = _ => 10 };
        var path = new Option<string?>("--database")
        {
            Description = "Keep the generated database in this file, or reuse it if it already holds posts (default: a temporary file)",
        };
        var plans = new Option<bool>("--plans") { Description = "Also print SQLite's plan of each filter's page and count" };
        var console = new Command("console", "Measure pages of the operator console's feed on a large generated database") { posts, runs, path, plans };
        console.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(posts);
            var r = parse.GetValue(runs);
            if (n <= 0 || r <= 0)
            {
                await context.Error.WriteLineAsync("error: --posts and --runs must be positive");
                return CommandExecution.BadInput;
            }

            var given = parse.GetValue(path);
            var directory = given is null ? Directory.CreateTempSubdirectory("mcu-bench-") : null;
            try
            {
                var file = given is null ? Path.Combine(directory!.FullName, "console.db") : Path.GetFullPath(given);
                var overrides = new Dictionary<string, string?>(context.Overrides ?? new Dictionary<string, string?>())
                {
                    ["Storage:DatabasePath"] = file,
                    ["Serilog:MinimumLevel:Default"] = "Warning",
                };
                return await CommandExecution.ExecuteAsync(context with { Overrides = overrides }, parse.GetValue(config), worker: false, async (host, token) =>
                {
                    var database = host.Services.GetRequiredService<SqliteDatabase>();
                    await FillOrReuseAsync(context.Output, database, n);
                    var search = host.Services.GetRequiredService<SqlitePostSearch>();
                    var zone = TimeZoneInfo.FindSystemTimeZoneById(host.Services.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone);
                    await using var console = await ConsoleHttpClient.StartAsync(overrides, parse.GetValue(config));
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{"filter",-30} {"offset",6} {"median ms",10} {"max ms",8} {"total",8} {"HTTP median",12} {"HTTP max",9}"));
                    var slowest = 0.0;
                    var slowestHttp = 0.0;
                    foreach (var filter in ConsoleFeedFilters.Typical(Newest(database)))
                    {
                        foreach (var offset in (int[])[0, 1000])
                        {
                            var query = filter.Query with { Offset = offset };
                            var result = await search.SearchAsync(query, token); // warm-up
                            var times = new double[r];
                            for (var i = 0; i < r; i++)
                            {
                                var stopwatch = Stopwatch.StartNew();
                                result = await search.SearchAsync(query, token);
                                times[i] = stopwatch.Elapsed.TotalMilliseconds;
                            }

                            // The same page through the console's API over HTTP, as the «Лента» page asks for it.
                            await console.FeedPageAsync(query, zone, token); // warm-up
                            var httpTimes = new double[r];
                            for (var i = 0; i < r; i++)
                            {
                                var stopwatch = Stopwatch.StartNew();
                                await console.FeedPageAsync(query, zone, token);
                                httpTimes[i] = stopwatch.Elapsed.TotalMilliseconds;
                            }

                            var median = Median(times);
                            var httpMedian = Median(httpTimes);
                            slowest = Math.Max(slowest, median);
                            slowestHttp = Math.Max(slowestHttp, httpMedian);
                            var total = result.Total.ToString(CultureInfo.InvariantCulture) + (result.TotalIsLowerBound ? "+" : "");
                            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"{filter.Name,-30} {offset,6} {median,10:0.0} {times[^1],8:0.0} {total,8} {httpMedian,12:0.0} {httpTimes[^1],9:0.0}"));
                            if (parse.GetValue(plans) && offset > 0)
                            {
                                foreach (var line in search.Explain(query))
                                {
                                    await context.Output.WriteLineAsync("    " + line);
                                }
                            }
                        }
                    }

                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"slowest median: {slowest:0.0} ms in SQLite, {slowestHttp:0.0} ms over HTTP (target < 200 ms); {r} runs each, pages of {ConsoleFeedFilters.PageSize}, SQLite {SqliteVersion(database)}, {Environment.ProcessorCount} cores{LoadAverage()}"));
                    return CommandExecution.Ok;
                }, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory?.Delete(recursive: true);
            }
        });
        return console;
    }

    /// <summary>The median of <paramref name="times"/>, which it sorts.</summary>
    private static double Median(double[] times)
    {
        Array.Sort(times);
        var n = times.Length;
        return n % 2 == 1 ? times[n / 2] : (times[(n / 2) - 1] + times[n / 2]) / 2;
    }

    private static async Task FillOrReuseAsync(TextWriter output, SqliteDatabase database, int posts)
    {
        var held = SyntheticDatabase.CountPosts(database);
        if (held > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Reusing {database.FilePath}: {held} posts"));
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var summary = SyntheticDatabase.Fill(database, posts);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {summary.Posts} posts, {summary.Incidents} incidents ({summary.IncidentPosts} incident posts) in {database.FilePath} in {stopwatch.Elapsed.TotalSeconds:0.0} s ({new FileInfo(database.FilePath).Length / 1_048_576} MB)"));
    }

    private static string SqliteVersion(SqliteDatabase database)
    {
        using var connection = database.Open();
        return connection.ServerVersion;
    }

    /// <summary>The machine's load while measuring (Linux), since other work on the cores shows in the times.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? ", load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0] : "";

    /// <summary>The newest post's time: the 7-day filter ends there, whatever database is reused.</summary>
    private static DateTimeOffset Newest(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(published_at) FROM posts";
        return SqliteDatabase.FromDb((string)command.ExecuteScalar()!);
    }
}
