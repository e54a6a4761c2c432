using System.Globalization;
using System.Text;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// A spike as a Telegram message in Russian (HTML): the pair, the count against the usual level, and links to up to
/// <see cref="SpikeAlertText.PostsShown"/> posts with their excerpts escaped (residents' text is untrusted), cut to
/// fit Telegram's 4096-character limit.
/// </summary>
public static class TelegramSpikeFormatter
{
    /// <summary>Longest excerpt of each quoted post: five of them share one message.</summary>
    private const int MaxExcerpt = 300;

    public static string Format(SpikeAlert alert, TimeZoneInfo timeZone, int maxTextLength)
    {
        for (var length = Math.Min(maxTextLength, MaxExcerpt); ; length = length * 3 / 4)
        {
            var html = Build(alert, timeZone, length);
            if (html.Length <= TelegramHtml.MaxMessageLength || length <= 20)
            {
                return html.Length <= TelegramHtml.MaxMessageLength ? html : Build(alert, timeZone, 0);
            }
        }
    }

    private static string Build(SpikeAlert alert, TimeZoneInfo timeZone, int excerptLength)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"<b>{TelegramHtml.Escape(SpikeAlertText.Headline(alert))}</b>\n");
        builder.Append(CultureInfo.InvariantCulture, $"{TelegramHtml.Escape(SpikeAlertText.Summary(alert, timeZone))}\n");
        builder.Append(CultureInfo.InvariantCulture, $"Получатель: {TelegramHtml.Escape(alert.RecipientName)}\n");
        var number = 0;
        foreach (var post in alert.Posts.Take(SpikeAlertText.PostsShown))
        {
            number++;
            var published = TimeZoneInfo.ConvertTime(post.PublishedAt, timeZone);
            var label = string.Create(CultureInfo.InvariantCulture, $"{NetworkName(post.Network)}, {published:dd.MM HH:mm}");
            var link = post.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? $"<a href=\"{TelegramHtml.Escape(url)}\">{label}</a>"
                : label;
            builder.Append(CultureInfo.InvariantCulture, $"\n{number}. {link}");
            if (excerptLength > 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $": «{TelegramHtml.Escape(AlertText.Excerpt(post.Text, excerptLength))}»");
            }
        }

        if (alert.Posts.Count > SpikeAlertText.PostsShown)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n… и ещё {alert.Posts.Count - SpikeAlertText.PostsShown}");
        }

        return builder.ToString();
    }

    private static string NetworkName(Network network) => network switch
    {
        Network.Vk => "ВКонтакте",
        Network.Ok => "Одноклассники",
        Network.Telegram => "Telegram",
        _ => network.ToString(),
    };
}
