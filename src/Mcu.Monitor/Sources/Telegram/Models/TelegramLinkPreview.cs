namespace Mcu.Monitor.Sources.Telegram.Models;

/// <summary>The link preview block of a t.me/s message.</summary>
public sealed record TelegramLinkPreview(string? Url, string? SiteName, string? Title, string? Description, string? ImageUrl);
