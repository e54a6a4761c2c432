namespace Mcu.Monitor.Sources.Telegram.Models;

/// <summary>
/// A parsed t.me/s page: its messages in page order (ascending ids), the <c>before</c> id of the previous
/// (older) page from <c>link[rel=prev]</c>, the messages that were skipped with the reason, and the channel
/// header when the page has one.
/// </summary>
public sealed record TelegramWebPage(
    IReadOnlyList<TelegramWebMessage> Messages,
    long? PreviousBefore,
    IReadOnlyList<TelegramWebSkip> Skipped,
    TelegramChannelInfo? Channel);
