using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Answers;

/// <summary>
/// An official answer found in an incident's thread: the comment, who answered (the community's or account's name),
/// when (the comment's <see cref="Post.PublishedAt"/>) and how complete it is.
/// </summary>
public sealed record OfficialAnswer(
    PostKey CommentKey,
    string AuthorName,
    DateTimeOffset AnsweredAt,
    AnswerRubricResult Rubric,
    string? Url);
