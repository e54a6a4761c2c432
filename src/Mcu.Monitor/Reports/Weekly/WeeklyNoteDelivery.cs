using System.Globalization;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// The scheduled note: the last complete ISO week's, written to <c>Reports:Weekly:OutputDirectory</c> and — when the
/// bot is configured (<c>Alerts:Channel</c> = <c>telegram</c>) — sent as a DOCX to every chat of the configured
/// recipients. Each chat's send is recorded in <c>bot_state</c> (<c>weekly-note:2026-W48:&lt;chat&gt;</c>) right after
/// Telegram accepts it, and the week as done (<c>weekly-note:2026-W48</c>) when every chat has it, so a later firing or
/// a restart sends nothing twice and retries only the chats that failed.
/// </summary>
public sealed class WeeklyNoteDelivery(
    WeeklyNoteWriter writer,
    RecipientDirectory recipients,
    SqliteDatabase database,
    WeeklyNoteOptions options,
    TimeZoneInfo zone,
    TimeProvider time,
    ILogger<WeeklyNoteDelivery> logger,
    ITelegramBotClient? bot = null)
{
    public static string WeekKey(ReportPeriod week) => $"weekly-note:{week.Label}";

    public static string ChatKey(ReportPeriod week, string chat) => $"weekly-note:{week.Label}:{chat}";

    /// <summary>The file the scheduled note of <paramref name="week"/> is written to.</summary>
    public string DocxPath(ReportPeriod week) => Path.Combine(options.OutputDirectory, $"weekly-note-{week.Label}.docx");

    /// <summary>Makes and delivers the last complete week's note unless it was delivered already; returns the files, or null when there was nothing to do.</summary>
    public async Task<WeeklyNoteFiles?> RunAsync(CancellationToken cancellationToken)
    {
        var week = ReportPeriod.LastCompleteWeek(time.GetUtcNow(), zone);
        if (Read(WeekKey(week)) is not null)
        {
            WeeklyNoteLog.AlreadyDone(logger, week.Label);
            return null;
        }

        var files = writer.Write(week, DocxPath(week));
        WeeklyNoteLog.Written(logger, week.Label, files.DocxPath, files.HtmlPath);
        var complete = bot is null || await SendAsync(bot, files, cancellationToken);
        if (complete)
        {
            Write(WeekKey(week), SqliteDatabase.ToDb(time.GetUtcNow()));
        }

        return files;
    }

    /// <summary>Sends to every chat not yet served; true when every chat has the note.</summary>
    private async Task<bool> SendAsync(ITelegramBotClient client, WeeklyNoteFiles files, CancellationToken cancellationToken)
    {
        var week = files.Note.Week;
        var complete = true;
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in options.EffectiveRecipients)
        {
            var chats = recipients.ChatsOf(recipient);
            if (chats.Count == 0)
            {
                WeeklyNoteLog.NoChat(logger, recipient);
            }

            foreach (var chat in chats.Where(served.Add))
            {
                if (Read(ChatKey(week, chat)) is not null)
                {
                    continue;
                }

                try
                {
                    await using var stream = File.OpenRead(files.DocxPath);
                    var sent = await client.SendDocument(
                        TelegramChats.ChatOf(chat), InputFile.FromStream(stream, Path.GetFileName(files.DocxPath)),
                        caption: Caption(files.Note), cancellationToken: cancellationToken);
                    Write(ChatKey(week, chat), sent.MessageId.ToString(CultureInfo.InvariantCulture));
                    WeeklyNoteLog.Sent(logger, week.Label, chat, recipient);
                }
                catch (ApiRequestException ex)
                {
                    complete = false;
                    WeeklyNoteLog.NotSent(logger, week.Label, chat, $"{ex.ErrorCode} {ex.Message}");
                }
                catch (RequestException ex)
                {
                    complete = false;
                    WeeklyNoteLog.NotSent(logger, week.Label, chat, ex.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no response");
                }
            }
        }

        return complete;
    }

    /// <summary>A short caption (Telegram allows 1024 characters): the week and three numbers.</summary>
    public static string Caption(WeeklyNote note)
    {
        var messages = note.Figure(WeeklyNoteBuilder.Messages);
        var appeals = note.Figure(WeeklyNoteBuilder.Appeals);
        return $"{WeeklyNoteLayout.Title}, {note.Municipality}, неделя {note.Week.Label} ({WeeklyNoteText.Days(note.Week, note.Zone)}).\n" +
            $"Сообщений: {WeeklyNoteText.Value(FigureKind.Count, messages.Current)} ({WeeklyNoteText.Change(messages)}), " +
            $"обращений: {WeeklyNoteText.Value(FigureKind.Count, appeals.Current)} ({WeeklyNoteText.Change(appeals)}), " +
            $"просрочено сейчас: {note.Overdue.Count}.";
    }

    private string? Read(string key)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private void Write(string key, string value)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bot_state (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }
}
