using System.Diagnostics;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Mcu.Monitor.Tests.Crash;

/// <summary>
/// The durability promise, tested the hard way: a real child process importing 100,000 posts is killed
/// with SIGKILL (not a cancellation) twice, mid-import, then restarted until it finishes. Exactly 100,000
/// posts must be stored, with one incident per appeal and one alert per incident.
/// </summary>
public class KillDuringImportTests(ITestOutputHelper output)
{
    private const int Posts = 100_000;

    [Fact]
    public async Task Import_KilledTwiceAndRestarted_StoresEveryPostOnceAndNoDuplicateIncidentOrAlert()
    {
        using var directory = new TempDirectory();
        var feed = directory.File("feed.jsonl");
        var database = directory.File("crash.db");
        SyntheticFeed.Write(feed, Posts);

        foreach (var killAt in new[] { 10_000, 50_000 })
        {
            using var process = StartImport(feed, database, directory);
            var stored = await WaitForPostsAsync(database, killAt, process);
            Assert.True(stored < Posts, $"the import finished ({stored} posts) before it could be killed at {killAt}");
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown code runs
            await process.WaitForExitAsync();
            output.WriteLine($"killed with {Count(database, "SELECT COUNT(*) FROM posts")} posts stored (target {killAt})");
        }

        using (var last = StartImport(feed, database, directory))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await last.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, last.ExitCode);
        }

        Assert.Equal(Posts, Count(database, "SELECT COUNT(*) FROM posts"));
        Assert.Equal(Posts, Count(database, "SELECT COUNT(*) FROM classifications"));
        var appeals = Count(database, "SELECT COUNT(*) FROM classifications WHERE is_appeal = 1");
        Assert.True(appeals > 1000, $"the feed should hold many appeals, found {appeals}");
        // Every appeal belongs to exactly one incident: it opened it or joined an open one about the same problem.
        Assert.Equal(appeals, Count(database, "SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(appeals, Count(database, "SELECT COUNT(DISTINCT post_key) FROM incident_posts"));
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM incident_posts ip JOIN classifications c ON c.post_key = ip.post_key WHERE c.is_appeal <> 1"));
        var incidents = Count(database, "SELECT COUNT(*) FROM incidents");
        Assert.Equal(incidents, Count(database, "SELECT COUNT(DISTINCT post_key) FROM incidents"));
        // Posts, incidents and alerts have unique keys in the schema; the events table does not, so this is
        // where a replayed batch would show as a second 'opened' or 'merged' event.
        Assert.Equal(incidents, Count(database, "SELECT COUNT(*) FROM incident_events WHERE type = 'opened'"));
        Assert.Equal(incidents, Count(database, "SELECT COUNT(DISTINCT incident_id) FROM incident_events WHERE type = 'opened'"));
        Assert.Equal(appeals - incidents, Count(database, "SELECT COUNT(*) FROM incident_events WHERE type = 'merged'"));
        Assert.Equal(incidents, Count(database, "SELECT COUNT(*) FROM alert_outbox"));
        Assert.Equal(incidents, Count(database, "SELECT COUNT(DISTINCT incident_id) FROM alert_outbox"));
    }

    private static Process StartImport(string feed, string database, TempDirectory directory)
    {
        // the dotnet host that runs the tests, so the child uses the same SDK even when it is not on PATH
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Mcu.Monitor.dll"), "import", feed },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        start.Environment["Storage__DatabasePath"] = database;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = directory.File("logs/crash-.log");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<long> WaitForPostsAsync(string database, long atLeast, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                return File.Exists(database) ? Count(database, "SELECT COUNT(*) FROM posts") : 0;
            }

            if (File.Exists(database))
            {
                try
                {
                    var stored = Count(database, "SELECT COUNT(*) FROM posts");
                    if (stored >= atLeast)
                    {
                        return stored;
                    }
                }
                catch (SqliteException)
                {
                    // the schema may not exist yet in the first instants
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the import did not reach {atLeast} posts in 3 minutes");
    }

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
