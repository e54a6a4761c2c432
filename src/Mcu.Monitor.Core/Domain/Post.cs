namespace Mcu.Monitor.Domain;

/// <summary>
/// A public post or comment as read from a source, after normalisation. A comment knows its parent.
/// The text is personal data: it is stored, but never written whole to Information-level logs.
/// </summary>
public sealed record Post
{
    public required PostKey Key { get; init; }

    public required string Municipality { get; init; }

    /// <summary>The configured source it was read from (a community, channel or file).</summary>
    public required string SourceId { get; init; }

    public PostKind Kind { get; init; } = PostKind.Post;

    /// <summary>For a comment, the key of the post it answers.</summary>
    public PostKey? ParentKey { get; init; }

    public string? AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public string Text { get; init; } = "";

    public string? Url { get; init; }

    public Engagement Engagement { get; init; } = Engagement.None;

    /// <summary>For a repost, the key of the original.</summary>
    public PostKey? RepostOf { get; init; }

    public IReadOnlyList<string> Attachments { get; init; } = [];
}
