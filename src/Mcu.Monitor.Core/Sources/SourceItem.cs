using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Sources;

/// <summary>
/// What a source yields: a post (or nothing, for a skipped malformed record) and the source's cursor
/// after it. The cursor is committed together with the posts before it, so a restart resumes exactly there.
/// </summary>
public sealed record SourceItem(Post? Post, string Cursor);
