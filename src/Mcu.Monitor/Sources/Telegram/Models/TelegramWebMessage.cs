namespace Mcu.Monitor.Sources.Telegram.Models;

/// <summary>One message of a t.me/s page as parsed (PLATFORM-APIS.md §3.7).</summary>
public sealed record TelegramWebMessage
{
    /// <summary>The channel of <c>data-post</c>, as written on the page.</summary>
    public required string Channel { get; init; }

    public required long Id { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>Text with line breaks; empty for media-only posts (no text div).</summary>
    public string Text { get; init; } = "";

    /// <summary>Null when the page shows no counter (service messages).</summary>
    public int? Views { get; init; }

    public bool Edited { get; init; }

    /// <summary>Channel creation, title change, pin…: class <c>service_message</c>.</summary>
    public bool IsService { get; init; }

    /// <summary><c>text</c>, <c>photo</c>, <c>video</c>, <c>location</c>, … (the first media kind, or text).</summary>
    public string Type { get; init; } = "text";

    /// <summary>Media kinds in the feed vocabulary, plus <c>link</c> for a link preview.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    public string? AuthorName { get; init; }

    /// <summary>Signature of the admin who wrote the post, when the channel signs posts.</summary>
    public string? Signature { get; init; }

    /// <summary>For a forward: the origin post's address (<c>https://t.me/&lt;channel&gt;/&lt;id&gt;</c>) when it is public.</summary>
    public string? ForwardedFromUrl { get; init; }

    public long? ReplyToId { get; init; }

    public TelegramLinkPreview? LinkPreview { get; init; }
}
