using System.Globalization;
using System.Text;
using Mcu.Monitor.Alerts;

namespace Mcu.Monitor.Spikes;

/// <summary>The plain-text spike alert in Russian, as the head reads it on the console.</summary>
public static class SpikeAlertText
{
    /// <summary>Posts quoted in an alert; the rest are counted.</summary>
    public const int PostsShown = 5;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Headline(SpikeAlert alert) =>
        $"Всплеск негатива: {alert.SectorName} · {alert.LocalityName ?? "населённый пункт не указан"}";

    /// <summary>«Негативных сообщений: 8 за 20.11 10:00–11:00; обычно 0,1 за час, порог 5».</summary>
    public static string Summary(SpikeAlert alert, TimeZoneInfo timeZone)
    {
        var start = TimeZoneInfo.ConvertTime(alert.WindowStart, timeZone);
        var end = TimeZoneInfo.ConvertTime(alert.WindowEnd, timeZone);
        return string.Create(Russian,
            $"Негативных сообщений: {alert.Count} за {start:dd.MM HH:mm}–{end:HH:mm}; обычно {alert.Baseline:0.##} за {Duration(alert.WindowEnd - alert.WindowStart)}, порог {alert.Threshold}");
    }

    public static string Format(SpikeAlert alert, TimeZoneInfo timeZone, int maxTextLength)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{Headline(alert)} → {alert.RecipientName}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  {Summary(alert, timeZone)}");
        foreach (var post in alert.Posts.Take(PostsShown))
        {
            var published = TimeZoneInfo.ConvertTime(post.PublishedAt, timeZone);
            builder.Append(CultureInfo.InvariantCulture,
                $"\n  {published:dd.MM HH:mm} {post.Url ?? post.Network.ToString()} «{AlertText.Excerpt(post.Text, maxTextLength)}»");
        }

        if (alert.Posts.Count > PostsShown)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n  и ещё {alert.Posts.Count - PostsShown} в базе");
        }

        return builder.ToString();
    }

    /// <summary>A window's length in words: «час», «30 мин», «2 ч».</summary>
    public static string Duration(TimeSpan span) => span == TimeSpan.FromHours(1)
        ? "час"
        : span.TotalMinutes < 60 || span.Minutes != 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} мин")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} ч");
}
