using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Pipeline;

/// <summary>The system of record as the pipeline sees it.</summary>
public interface IPostStore
{
    /// <summary>The content hash of the stored post with this key, or null when it is not stored.</summary>
    string? StoredContentHash(string postKey);

    /// <summary>The stored sector and appeal decision of a post, for classifying its comments; null if unknown.</summary>
    ParentContext? FindParent(string postKey);

    string? ReadCursor(string sourceId);

    /// <summary>
    /// Stores the batch in one transaction: new posts and their classifications, edits of stored posts (the
    /// old text kept in the post's history), the incidents and outbox rows of posts that were really new, and
    /// the source's cursor. All of it or none of it.
    /// </summary>
    Task<CommitResult> CommitAsync(string sourceId, IReadOnlyList<ProcessedPost> posts, string? cursor, CancellationToken cancellationToken);
}
