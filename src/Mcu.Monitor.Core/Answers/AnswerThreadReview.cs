namespace Mcu.Monitor.Answers;

/// <summary>
/// What an incident's thread says: the official answers in time order, the latest one (the one that counts for
/// the incident), and the residents' reaction to it.
/// </summary>
public sealed record AnswerThreadReview(IReadOnlyList<OfficialAnswer> Answers, ResidentReaction? Reaction)
{
    public OfficialAnswer? LatestAnswer => Answers.Count > 0 ? Answers[^1] : null;

    /// <summary>A resident said after the latest answer that nothing was done: the incident goes back to work.</summary>
    public bool ShouldReopen => Reaction?.Reply.Kind == ResidentReplyKind.NothingDone;
}
