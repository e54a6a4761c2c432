using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mcu.Monitor.Sources.Telegram.Models;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// Parses a <c>https://t.me/s/&lt;channel&gt;</c> page with the selectors of PLATFORM-APIS.md §3.7. The markup
/// is undocumented: anything unexpected in one message skips that message with a reason, never the page,
/// and the parser itself never throws (AngleSharp builds a tree from any input).
/// </summary>
internal static class TelegramWebPageParser
{
    private static readonly HtmlParser Parser = new();

    public static TelegramWebPage Parse(string html, string channel)
    {
        using var document = Parser.ParseDocument(html);
        var messages = new List<TelegramWebMessage>();
        var skipped = new List<TelegramWebSkip>();
        foreach (var element in document.QuerySelectorAll("div.tgme_widget_message[data-post]"))
        {
            var dataPost = element.GetAttribute("data-post") ?? "";
            var (message, problem) = ParseMessage(element, dataPost, channel);
            if (message is not null)
            {
                messages.Add(message);
            }
            else
            {
                skipped.Add(new TelegramWebSkip(dataPost, problem!));
            }
        }

        return new TelegramWebPage(messages, PreviousBefore(document), skipped, ChannelInfo(document));
    }

    private static (TelegramWebMessage? Message, string? Problem) ParseMessage(IElement element, string dataPost, string channel)
    {
        var slash = dataPost.LastIndexOf('/');
        if (slash <= 0 || !long.TryParse(dataPost.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return (null, "data-post is not <channel>/<id>");
        }

        var postChannel = dataPost[..slash];
        if (!string.Equals(postChannel, channel, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "data-post names another channel");
        }

        var time = element.QuerySelector("a.tgme_widget_message_date time[datetime]") ?? element.QuerySelector("time[datetime]");
        if (time is null
            || !DateTimeOffset.TryParse(time.GetAttribute("datetime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var publishedAt))
        {
            return (null, "no publication time");
        }

        var isService = element.ClassList.Contains("service_message");
        var textDiv = element.QuerySelectorAll("div.tgme_widget_message_text")
            .FirstOrDefault(d => d.Closest(".tgme_widget_message_reply") is null && d.Closest(".tgme_widget_message_link_preview") is null);
        var kinds = MediaKinds(element);
        var preview = LinkPreview(element);
        var attachments = preview is null ? kinds : [.. kinds, "link"];
        return (new TelegramWebMessage
        {
            Channel = postChannel,
            Id = id,
            PublishedAt = publishedAt.ToUniversalTime(),
            Text = textDiv is null ? "" : ExtractText(textDiv),
            Views = isService ? null : Views(element.QuerySelector(".tgme_widget_message_views")?.TextContent),
            Edited = IsEdited(element),
            IsService = isService,
            Type = isService ? "service" : kinds.FirstOrDefault() ?? "text",
            Attachments = attachments,
            AuthorName = OneLine(element.QuerySelector(".tgme_widget_message_owner_name")?.TextContent),
            Signature = OneLine(element.QuerySelector(".tgme_widget_message_from_author")?.TextContent),
            ForwardedFromUrl = element.QuerySelector(".tgme_widget_message_forwarded_from_name")?.GetAttribute("href"),
            ReplyToId = LastId(element.QuerySelector("a.tgme_widget_message_reply")?.GetAttribute("href")),
            LinkPreview = preview,
        }, null);
    }

    private static TelegramChannelInfo? ChannelInfo(IDocument document)
    {
        string? Meta(string property) =>
            document.QuerySelectorAll("meta[property]").FirstOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content");

        var username = OneLine(document.QuerySelector(".tgme_channel_info_header_username")?.TextContent)?.TrimStart('@');
        var title = Meta("og:title");
        if (username is null && title is null)
        {
            return null;
        }

        var counters = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        foreach (var counter in document.QuerySelectorAll(".tgme_channel_info_counter"))
        {
            var type = OneLine(counter.QuerySelector(".counter_type")?.TextContent);
            if (type is not null)
            {
                counters[type.TrimEnd('s')] = Views(counter.QuerySelector(".counter_value")?.TextContent);
            }
        }

        return new TelegramChannelInfo(
            username,
            title,
            Meta("og:description"),
            counters.GetValueOrDefault("subscriber"),
            counters.GetValueOrDefault("photo"),
            counters.GetValueOrDefault("video"),
            counters.GetValueOrDefault("link"));
    }

    /// <summary><c>&lt;br&gt;</c> is a line break; emoji images carry the character in a <c>&lt;b&gt;</c>; blank lines collapse.</summary>
    internal static string ExtractText(IElement root)
    {
        var builder = new StringBuilder();
        Append(root, builder);
        var lines = builder.ToString().Replace('\u00A0', ' ').Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    // Source indentation is not text: the page's own line breaks are layout, <br> is the break.
                    builder.Append(text.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case IElement { LocalName: "br" }:
                    builder.Append('\n');
                    break;
                case IElement { LocalName: "script" or "style" }:
                    break;
                case IElement element:
                    Append(element, builder);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>2</c>, <c>1.2K</c>, <c>4.85K</c>, <c>1.2M</c> → 2, 1 200, 4 850, 1 200 000; anything at or above
    /// <see cref="int.MaxValue"/> is clamped to it, never an exception.
    /// </summary>
    internal static int? Views(string? text)
    {
        var value = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var multiplier = 1m;
        if (value.EndsWith('K') || value.EndsWith('k'))
        {
            multiplier = 1_000m;
            value = value[..^1];
        }
        else if (value.EndsWith('M') || value.EndsWith('m'))
        {
            multiplier = 1_000_000m;
            value = value[..^1];
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        // Compare before multiplying: a page value near decimal.MaxValue times 1 000 000 overflows decimal.
        if (number >= int.MaxValue / multiplier)
        {
            return int.MaxValue;
        }

        var views = decimal.Round(number * multiplier);
        return views >= int.MaxValue ? int.MaxValue : (int)views;
    }

    private static bool IsEdited(IElement element)
    {
        var meta = element.QuerySelector(".tgme_widget_message_meta");
        return meta is not null
            && (meta.ChildNodes.OfType<IText>().Any(t => t.Data.Contains("edited", StringComparison.OrdinalIgnoreCase))
                || meta.QuerySelector("[class*='edited']") is not null);
    }

    private static List<string> MediaKinds(IElement element)
    {
        var kinds = new List<string>();
        void Add(string selector, string kind)
        {
            if (!kinds.Contains(kind) && element.QuerySelector(selector) is { } found && found.Closest(".tgme_widget_message_reply") is null)
            {
                kinds.Add(kind);
            }
        }

        Add("a.tgme_widget_message_photo_wrap", "photo");
        Add("a.tgme_widget_message_video_player", "video");
        Add("video.tgme_widget_message_roundvideo", "video_note");
        Add(".tgme_widget_message_voice", "voice");
        Add("audio", "audio");
        Add(".tgme_widget_message_document", "document");
        Add(".tgme_widget_message_poll", "poll");
        Add("a.tgme_widget_message_location_wrap", "location");
        Add(".tgme_widget_message_sticker_wrap", "sticker");
        return kinds;
    }

    private static TelegramLinkPreview? LinkPreview(IElement element)
    {
        var preview = element.QuerySelector("a.tgme_widget_message_link_preview");
        if (preview is null)
        {
            return null;
        }

        return new TelegramLinkPreview(
            preview.GetAttribute("href"),
            OneLine(preview.QuerySelector(".link_preview_site_name")?.TextContent),
            OneLine(preview.QuerySelector(".link_preview_title")?.TextContent),
            OneLine(preview.QuerySelector(".link_preview_description")?.TextContent),
            BackgroundImage(preview.QuerySelector("i.link_preview_image")?.GetAttribute("style")));
    }

    private static string? BackgroundImage(string? style)
    {
        const string Marker = "background-image:url('";
        var start = style?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = style!.IndexOf('\'', start);
        return end > start ? style[start..end] : null;
    }

    private static string? OneLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = string.Join(' ', text.Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return value.Length > 0 ? value : null;
    }

    private static long? LastId(string? href)
    {
        if (href is null)
        {
            return null;
        }

        var path = href.Split('?', '#')[0].TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return long.TryParse(path.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The <c>before</c> id of <c>&lt;link rel="prev" href="/s/&lt;ch&gt;?before=&lt;id&gt;"&gt;</c>; null on the oldest page.</summary>
    private static long? PreviousBefore(IDocument document)
    {
        var href = document.QuerySelector("link[rel='prev']")?.GetAttribute("href");
        var at = href?.IndexOf("before=", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var digits = new string(href!.Skip(at + "before=".Length).TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var before) && before > 0 ? before : null;
    }
}
