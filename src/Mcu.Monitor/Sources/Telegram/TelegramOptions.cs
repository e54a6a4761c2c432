using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// Telegram sources (section <c>Sources:Telegram</c>, docs/sources/telegram.md): updates of the chats the
/// bot is a member of through the Bot API, and public channels the bot is not in through the t.me/s web
/// preview. With nothing configured there is no Telegram source and no token is needed.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Sources:Telegram";

    /// <summary>The official Bot API address.</summary>
    public const string DefaultBotApiBaseUrl = "https://api.telegram.org";

    /// <summary>
    /// Bot token from @BotFather (<c>123456789:AA…</c>). A secret: set it with the environment variable
    /// <c>Sources__Telegram__BotToken</c> or user secrets, never in a committed file. Default empty.
    /// </summary>
    public string BotToken { get; set; } = "";

    /// <summary>
    /// Bot API server; tests and a self-hosted Bot API server change it. Only scheme, host and port are used.
    /// Default <c>https://api.telegram.org</c>.
    /// </summary>
    [Required]
    public string BotApiBaseUrl { get; set; } = DefaultBotApiBaseUrl;

    /// <summary>
    /// Read channel posts, messages and their edits of the channels and groups the bot is a member of
    /// (source <c>telegram:bot</c>). Requires <see cref="BotToken"/>. Default false.
    /// </summary>
    public bool ReadBotUpdates { get; set; }

    /// <summary>
    /// How often each public channel (<see cref="PublicChannels"/>, the web preview) is read. Default 5 minutes.
    /// The bot has its own <see cref="BotPollInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the bot's updates (<c>telegram:bot</c>) are read. One <c>getUpdates</c> call per poll reads at
    /// most 100 updates (the next batch is only asked for once this one is committed), so this interval bounds
    /// how fast a burst drains: at the default, about 6 000 updates an hour. Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan BotPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Usernames of public channels read through the web preview <c>https://t.me/s/&lt;channel&gt;</c>
    /// (source <c>telegram:web:&lt;channel&gt;</c>), without <c>@</c> or <c>t.me/</c>. Default none.
    /// </summary>
    public List<string> PublicChannels { get; set; } = [];

    /// <summary>Web preview site; tests point it at a loopback server. Default <c>https://t.me/</c>.</summary>
    [Required]
    public string WebBaseUrl { get; set; } = "https://t.me/";

    /// <summary>
    /// Pause between two pages of one channel. The web preview is not an API: keep it polite (the default
    /// 5 seconds or more) so the server is not hammered and the address is not blocked. Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DelayBetweenPages { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most web preview pages (about 20 messages each) read per channel and poll while looking for the last
    /// seen message. Default 5.
    /// </summary>
    [Range(1, 100)]
    public int MaxPagesPerPoll { get; set; } = 5;

    /// <summary>Pages read on the first poll of a channel (no cursor yet): how much history to take in. Default 1.</summary>
    [Range(1, 100)]
    public int InitialPages { get; set; } = 1;

    /// <summary>Timeout of one HTTP request to the Bot API or the web preview. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
