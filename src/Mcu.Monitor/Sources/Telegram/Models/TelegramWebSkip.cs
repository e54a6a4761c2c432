namespace Mcu.Monitor.Sources.Telegram.Models;

/// <summary>A message of a t.me/s page that could not be used: its <c>data-post</c> and why.</summary>
public sealed record TelegramWebSkip(string DataPost, string Reason);
