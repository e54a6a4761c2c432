using System.Globalization;
using System.Text;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// What the alert bot does with each update: the recipient's buttons («Взял в работу», «Ответ дан», «Не наша
/// компетенция», «Неверная категория»), the replies they ask for, and /start CODE, /my, /help, /cancel. Only a chat
/// bound to the incident's recipient may act on it; anyone else is refused politely and the refusal is audited.
/// </summary>
public sealed class TelegramBotUpdates(
    ITelegramBotClient bot,
    RecipientDirectory recipients,
    IncidentService incidents,
    IAnswerScorer answers,
    SqliteDatabase database,
    IOptions<TelegramBotOptions> options,
    IOptions<ClassificationOptions> classification,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time,
    ILogger<TelegramBotUpdates> logger)
{
    private const string SectorAction = "sector";

    public const string HelpText =
        "Бот МЦУ присылает инциденты — обращения жителей из соцсетей, на которые нужно ответить.\n" +
        "Кнопки под инцидентом: «Взял в работу», «Ответ дан» (пришлите ссылку или текст ответа), " +
        "«Не наша компетенция» (укажите причину, инцидент вернётся в МЦУ), «Неверная категория».\n" +
        "/my — открытые инциденты вашей организации со сроками\n" +
        "/start КОД — привязать этот чат по коду приглашения из МЦУ\n" +
        "/cancel — отменить начатое действие";

    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } callback)
        {
            await OnCallbackAsync(callback, cancellationToken);
        }
        else if (update.Message is { Text: { } text } message)
        {
            await OnMessageAsync(message, text, cancellationToken);
        }
    }

    private async Task OnCallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        var chat = callback.Message?.Chat.Id.ToString(CultureInfo.InvariantCulture) ?? callback.From.Id.ToString(CultureInfo.InvariantCulture);
        var parts = (callback.Data ?? "").Split(':');
        if (parts.Length < 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var incidentId))
        {
            await bot.AnswerCallbackQuery(callback.Id, "Неизвестная кнопка", cancellationToken: cancellationToken);
            return;
        }

        var incident = LoadIncident(incidentId);
        if (incident is null || !recipients.RecipientsOf(chat).Contains(incident.RecipientId, StringComparer.Ordinal))
        {
            Audit($"telegram:{chat}", "callback.refused", $"{parts[0]} incident {incidentId}");
            TelegramBotLog.Refused(logger, chat, incidentId);
            await bot.AnswerCallbackQuery(callback.Id,
                "Извините, этот чат не может действовать по этому инциденту: он не привязан к ответственному. Обратитесь в МЦУ.",
                showAlert: true, cancellationToken: cancellationToken);
            return;
        }

        var actor = Actor(chat, callback.From);
        switch (parts[0])
        {
            case TelegramAlertFormatter.TakeAction:
                var taken = incidents.Execute(new IncidentCommand(incidentId, IncidentAction.TakeInWork, actor, time.GetUtcNow()));
                await bot.AnswerCallbackQuery(callback.Id, taken.Message, cancellationToken: cancellationToken);
                break;
            case TelegramAlertFormatter.AnswerAction or TelegramAlertFormatter.RejectAction:
                var action = parts[0] == TelegramAlertFormatter.AnswerAction ? IncidentAction.Answer : IncidentAction.Reject;
                if (IncidentLifecycle.Next(incident.Status, action) is null)
                {
                    await bot.AnswerCallbackQuery(callback.Id, $"Инцидент #{incidentId} в статусе {IncidentTransitions.StatusName(incident.Status)}", cancellationToken: cancellationToken);
                    break;
                }

                StartConversation(chat, incidentId, parts[0]);
                await bot.AnswerCallbackQuery(callback.Id, cancellationToken: cancellationToken);
                var ask = action == IncidentAction.Answer
                    ? $"Инцидент #{incidentId}: пришлите ответным сообщением ссылку на официальный ответ или его текст. /cancel — отмена."
                    : $"Инцидент #{incidentId}: напишите ответным сообщением, почему обращение не в вашей компетенции и кому его передать. /cancel — отмена.";
                await bot.SendMessage(callback.Message?.Chat.Id ?? callback.From.Id, ask, replyMarkup: new ForceReplyMarkup(), cancellationToken: cancellationToken);
                break;
            case TelegramAlertFormatter.CategoryAction:
                await bot.AnswerCallbackQuery(callback.Id, cancellationToken: cancellationToken);
                await bot.SendMessage(callback.Message?.Chat.Id ?? callback.From.Id, $"Инцидент #{incidentId}: выберите верную категорию.",
                    replyMarkup: SectorButtons(incidentId, incident.Sector), cancellationToken: cancellationToken);
                break;
            case SectorAction when parts.Length == 3 && classification.Value.Lexicon.Sectors.ContainsKey(parts[2]):
                RecordCategory(incident, parts[2], actor);
                await bot.AnswerCallbackQuery(callback.Id, $"Спасибо: категория «{SectorName(parts[2])}» сохранена для обучения классификатора и передана в МЦУ.", cancellationToken: cancellationToken);
                break;
            default:
                await bot.AnswerCallbackQuery(callback.Id, "Неизвестная кнопка", cancellationToken: cancellationToken);
                break;
        }
    }

    private async Task OnMessageAsync(Message message, string text, CancellationToken cancellationToken)
    {
        var chat = message.Chat.Id.ToString(CultureInfo.InvariantCulture);
        var command = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var name = command.Length == 0 ? "" : command[0].Split('@')[0].ToLowerInvariant();
        switch (name)
        {
            case "/start" when command.Length == 2:
                var recipient = recipients.Redeem(command[1], chat, message.Chat.Title ?? message.Chat.Username);
                await Reply(message, recipient is null
                    ? "Код не подошёл: он неверен, уже использован или истёк. Попросите в МЦУ новый код."
                    : $"Готово: этот чат получает инциденты получателя «{recipients.NameOf(recipient)}». /help — что умеет бот.", cancellationToken);
                return;
            case "/start" or "/help":
                await Reply(message, HelpText, cancellationToken);
                return;
            case "/my":
                await Reply(message, MyIncidents(chat), cancellationToken);
                return;
            case "/cancel":
                EndConversation(chat);
                await Reply(message, "Отменено.", cancellationToken);
                return;
        }

        if (TakeConversation(chat) is not { } conversation)
        {
            if (message.Chat.Type == ChatType.Private && !text.StartsWith('/'))
            {
                await Reply(message, HelpText, cancellationToken);
            }

            return;
        }

        var actor = Actor(chat, message.From);
        var result = conversation.Action == TelegramAlertFormatter.AnswerAction
            ? incidents.Execute(AnswerCommand(conversation.IncidentId, actor, text))
            : incidents.Execute(new IncidentCommand(conversation.IncidentId, IncidentAction.Reject, actor, time.GetUtcNow()) { Reason = text.Trim() });
        await Reply(message, result.Message, cancellationToken);
    }

    private IncidentCommand AnswerCommand(long incidentId, string actor, string text)
    {
        var score = answers.Score(text.Trim(), []);
        return new IncidentCommand(incidentId, IncidentAction.Answer, actor, time.GetUtcNow())
        {
            AnswerText = text.Trim(),
            AnswerScore = score?.Score,
            AnswerDetails = score?.DetailsJson,
        };
    }

    private string MyIncidents(string chat)
    {
        var mine = recipients.RecipientsOf(chat);
        if (mine.Count == 0)
        {
            return "Этот чат не привязан ни к одному ответственному. Попросите в МЦУ код приглашения и отправьте /start КОД.";
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var names = string.Join(", ", mine.Select((_, i) => $"$r{i}"));
        command.CommandText = $"""
            SELECT id, status, sector, locality_id, {IncidentLifecycle.RunningDeadlineSql()} AS due
            FROM incidents
            WHERE recipient_id IN ({names}) AND status IN {IncidentLifecycle.OpenStatusesSql}
            ORDER BY due LIMIT 30
            """;
        for (var i = 0; i < mine.Count; i++)
        {
            command.Parameters.AddWithValue($"$r{i}", mine[i]);
        }

        using var reader = command.ExecuteReader();
        var builder = new StringBuilder();
        var now = time.GetUtcNow();
        while (reader.Read())
        {
            var due = SqliteDatabase.FromDb(reader.GetString(4));
            var local = TimeZoneInfo.ConvertTime(due, _timeZone);
            builder.Append(CultureInfo.InvariantCulture,
                $"#{reader.GetInt64(0)} {IncidentTransitions.StatusName(Enum.Parse<IncidentStatus>(reader.GetString(1)))} · {SectorName(reader.GetString(2))}" +
                $"{(reader.IsDBNull(3) ? "" : " · " + reader.GetString(3))} · срок {local:dd.MM HH:mm}{(due < now ? " — просрочен" : "")}\n");
        }

        return builder.Length == 0 ? "Открытых инцидентов нет." : "Открытые инциденты:\n" + builder;
    }

    private InlineKeyboardMarkup SectorButtons(long incidentId, string current)
    {
        var buttons = classification.Value.Lexicon.Sectors
            .Where(s => s.Key != current)
            .Select(s => InlineKeyboardButton.WithCallbackData(s.Value.Name.Length > 0 ? s.Value.Name : s.Key, $"{SectorAction}:{incidentId}:{s.Key}"))
            .Chunk(2)
            .Select(row => row.ToArray());
        return new InlineKeyboardMarkup(buttons);
    }

    private void RecordCategory(IncidentInfo incident, string sector, string actor)
    {
        var now = SqliteDatabase.ToDb(time.GetUtcNow());
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var feedback = connection.CreateCommand())
        {
            feedback.Transaction = transaction;
            feedback.CommandText = """
                INSERT INTO training_feedback (municipality, post_key, field, value, actor, created_at)
                VALUES ($municipality, $post, 'sector', $value, $actor, $now)
                """;
            feedback.Parameters.AddWithValue("$municipality", incident.Municipality);
            feedback.Parameters.AddWithValue("$post", incident.PostKey);
            feedback.Parameters.AddWithValue("$value", sector);
            feedback.Parameters.AddWithValue("$actor", actor);
            feedback.Parameters.AddWithValue("$now", now);
            feedback.ExecuteNonQuery();
        }

        IncidentTransitions.InsertEvent(connection, transaction, incident.Id, incident.Municipality, "category_corrected", actor, now, $"{incident.Sector} → {sector}");
        transaction.Commit();
    }

    private IncidentInfo? LoadIncident(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipient_id, status, sector, post_key, municipality FROM incidents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new IncidentInfo(id, reader.GetString(0), Enum.Parse<IncidentStatus>(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    private void StartConversation(string chat, long incidentId, string action)
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_conversations (chat_id, incident_id, action, started_at, expires_at) VALUES ($chat, $incident, $action, $now, $expires)
            ON CONFLICT(chat_id) DO UPDATE SET incident_id = excluded.incident_id, action = excluded.action,
                started_at = excluded.started_at, expires_at = excluded.expires_at
            """;
        command.Parameters.AddWithValue("$chat", chat);
        command.Parameters.AddWithValue("$incident", incidentId);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$expires", SqliteDatabase.ToDb(now + options.Value.ConversationTimeout));
        command.ExecuteNonQuery();
    }

    /// <summary>The chat's pending question, if it has not expired; taking it ends it.</summary>
    private (long IncidentId, string Action)? TakeConversation(string chat)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_conversations WHERE chat_id = $chat RETURNING incident_id, action, expires_at";
        command.Parameters.AddWithValue("$chat", chat);
        using var reader = command.ExecuteReader();
        return reader.Read() && SqliteDatabase.FromDb(reader.GetString(2)) > time.GetUtcNow()
            ? (reader.GetInt64(0), reader.GetString(1))
            : null;
    }

    private void EndConversation(string chat) => TakeConversation(chat);

    private void Audit(string actor, string action, string details)
    {
        using var connection = database.Open();
        AuditLog.Write(connection, null, municipality.Value.Id, time.GetUtcNow(), actor, action, details);
    }

    private async Task Reply(Message message, string text, CancellationToken cancellationToken) =>
        await bot.SendMessage(message.Chat.Id, text, replyParameters: new ReplyParameters { MessageId = message.MessageId, AllowSendingWithoutReply = true },
            cancellationToken: cancellationToken);

    private string SectorName(string sector) =>
        classification.Value.Lexicon.Sectors.TryGetValue(sector, out var s) && s.Name.Length > 0 ? s.Name : sector;

    /// <summary>The actor of an event: the chat and the person in it (their Telegram id, not their name: names change).</summary>
    private static string Actor(string chat, User? user) =>
        user is null ? $"telegram:{chat}" : string.Create(CultureInfo.InvariantCulture, $"telegram:{chat}:{user.Id}");

    private sealed record IncidentInfo(long Id, string RecipientId, IncidentStatus Status, string Sector, string PostKey, string Municipality);
}
