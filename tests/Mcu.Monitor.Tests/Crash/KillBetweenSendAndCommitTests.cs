using System.Diagnostics;
using Mcu.Monitor.Tests.Alerts.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Tests.Crash;

/// <summary>
/// The alert promise, tested the hard way: a real worker process sends an alert to a recipient's two Telegram chats and
/// is killed with SIGKILL by the fake Bot API the moment the second message reaches it — after the send, before the
/// worker could record it. The restarted worker repeats that one message and nothing else.
/// </summary>
public class KillBetweenSendAndCommitTests
{
    [Fact]
    public async Task Worker_KilledAfterTelegramAcceptedAMessage_RepeatsAtMostThatMessage()
    {
        using var directory = new TempDirectory();
        var database = directory.File("alerts.db");
        var feed = directory.File("feed.jsonl");
        await File.WriteAllTextAsync(feed, """
            {"network":"vk","owner":"-1","id":"1","kind":"post","published_at":"2026-11-23T07:00:00Z","text":"Третий день нет горячей воды на ул. Слободской, управляющая компания не отвечает. Сколько можно?"}

            """);
        await using var api = new FakeAlertBotApi();

        // 1. The appeal is stored and its incident and alert queued; no alert is sent by an import.
        var import = await RunAsync(directory, database, api, "import", feed);
        Assert.Equal(0, import.ExitCode);
        var recipient = Scalar(database, "SELECT recipient_id FROM incidents");
        Bind(database, recipient, "-1001", "-1002");

        // 2. The worker sends to the first chat; when the second message arrives, the process is killed.
        Process? worker = null;
        api.OnSend = body =>
        {
            if (body["chat_id"]!.ToString() == "-1002")
            {
                worker!.Kill(entireProcessTree: true); // SIGKILL: nothing after the send runs
                worker.WaitForExit();
            }
        };
        worker = Start(directory, database, api, "run", "--once");
        await worker.WaitForExitAsync();
        Assert.NotEqual(0, worker.ExitCode);
        Assert.Equal("", Scalar(database, "SELECT COALESCE(sent_at, '') FROM alert_outbox"));
        Assert.Equal("-1001", Scalar(database, "SELECT group_concat(target) FROM alert_deliveries"));

        // 3. Restarted after the delivery lease, the worker sends only to the chat it could not record.
        api.OnSend = null;
        await Task.Delay(TimeSpan.FromSeconds(6));
        var restart = await RunAsync(directory, database, api, "run", "--once");

        Assert.Equal(0, restart.ExitCode);
        Assert.Equal(["-1001", "-1002", "-1002"], api.Calls("sendMessage").Select(c => c["chat_id"]!.ToString()));
        Assert.NotEqual("", Scalar(database, "SELECT COALESCE(sent_at, '') FROM alert_outbox"));
        Assert.Equal("telegram", Scalar(database, "SELECT channel FROM alert_outbox"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(TempDirectory directory, string database, FakeAlertBotApi api, params string[] args)
    {
        using var process = Start(directory, database, api, args);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static Process Start(TempDirectory directory, string database, FakeAlertBotApi api, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mcu.Monitor.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DatabasePath"] = database;
        start.Environment["Sources__File__0__Enabled"] = "false";
        start.Environment["Alerts__Channel"] = "telegram";
        start.Environment["Alerts__Telegram__BotToken"] = FakeAlertBotApi.Token;
        start.Environment["Alerts__Telegram__BotApiBaseUrl"] = api.BaseUrl;
        start.Environment["Alerts__DeliveryLease"] = "00:00:05";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = directory.File("logs/kill-.log");
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static void Bind(string database, string recipient, params string[] chats)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        foreach (var chat in chats)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO recipient_chats (chat_id, recipient_id, municipality, bound_at) VALUES ($chat, $recipient, 'alekseevsky-go', '2026-11-23T00:00:00.000Z')";
            command.Parameters.AddWithValue("$chat", chat);
            command.Parameters.AddWithValue("$recipient", recipient);
            command.ExecuteNonQuery();
        }
    }

    private static string Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
