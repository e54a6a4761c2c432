namespace Mcu.Monitor.Incidents;

/// <summary>Placeholder until the answer rubric is wired in: answers are recorded without a score.</summary>
public sealed class UnscoredAnswers : IAnswerScorer
{
    public AnswerScore? Score(string text, IReadOnlyList<string> attachments) => null;
}
