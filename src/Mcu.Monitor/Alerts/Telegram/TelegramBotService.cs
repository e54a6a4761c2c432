using System.Globalization;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// Long-polls the alert bot's updates and hands each to <see cref="TelegramBotUpdates"/>. The offset is stored after
/// each update, so a restart neither loses a button press nor handles one twice (except the single update in hand
/// at a crash; the lifecycle refuses a repeated move, so a repeat changes nothing).
/// </summary>
public sealed class TelegramBotService(
    ITelegramBotClient bot,
    TelegramBotUpdates handler,
    SqliteDatabase database,
    IOptions<TelegramBotOptions> options,
    TimeProvider time,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    private const string OffsetKey = "alert-bot.offset";
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>Reads and handles one batch of updates; returns how many were handled.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var offset = ReadOffset();
        var updates = await bot.GetUpdates(offset, 100, options.Value.UpdatesTimeoutSeconds, Wanted, cancellationToken);
        foreach (var update in updates)
        {
            try
            {
                await handler.HandleAsync(update, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad update (a chat that blocked the bot, a deleted message) must not stall the others.
                TelegramBotLog.UpdateFailed(logger, ex, update.Id);
            }

            WriteOffset(update.Id + 1);
        }

        return updates.Length;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
                delay = TimeSpan.FromSeconds(5);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException)
            {
                TelegramBotLog.PollFailed(logger, ex is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : ex.GetType().Name, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, delay.Ticks * 2));
        }
    }

    private int? ReadOffset()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", OffsetKey);
        return command.ExecuteScalar() is string value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
    }

    private void WriteOffset(int offset)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bot_state (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", OffsetKey);
        command.Parameters.AddWithValue("$value", offset.ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
