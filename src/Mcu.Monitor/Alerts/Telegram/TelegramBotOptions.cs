using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// The alert bot (section <c>Alerts:Telegram</c>, used when <c>Alerts:Channel</c> is <c>telegram</c>): sends alerts
/// to recipients' chats and takes their answers (buttons, /start, /my, /help). It must be a different bot from
/// the one that reads sources (<c>Sources:Telegram:BotToken</c>): Telegram gives each bot's updates to one reader.
/// </summary>
public sealed class TelegramBotOptions
{
    public const string SectionName = "Alerts:Telegram";

    /// <summary>Bot token from @BotFather. A secret: set <c>Alerts__Telegram__BotToken</c> or user secrets. Default empty.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Bot API server (tests and a self-hosted Bot API server change it). Default <c>https://api.telegram.org</c>.</summary>
    [Required]
    public string BotApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>
    /// Longest wait Telegram.Bot itself honours on a 429 before retrying (its <c>RetryThreshold</c>); a longer
    /// <c>retry_after</c> fails the send, and the outbox retries later. Default 60 seconds.
    /// </summary>
    [Range(0, 3600)]
    public int RetryThresholdSeconds { get; set; } = 60;

    /// <summary>Retries Telegram.Bot makes on a 429 within the threshold (its <c>RetryCount</c>). Default 3.</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    /// <summary>Long-poll wait of getUpdates for the bot's own updates. Default 25 seconds.</summary>
    [Range(0, 50)]
    public int UpdatesTimeoutSeconds { get; set; } = 25;

    /// <summary>How long an invite code from <c>recipients invite</c> stays valid. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the bot waits for the link or reason it asked for after a button. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ConversationTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
