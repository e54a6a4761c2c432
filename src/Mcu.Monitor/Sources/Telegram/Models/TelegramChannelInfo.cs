namespace Mcu.Monitor.Sources.Telegram.Models;

/// <summary>The channel header of a t.me/s page (<c>og:*</c> meta tags and the counters).</summary>
public sealed record TelegramChannelInfo(
    string? Username, string? Title, string? Description, int? Subscribers, int? Photos, int? Videos, int? Links);
