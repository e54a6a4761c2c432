namespace Mcu.Monitor.Incidents;

/// <summary>Scores how complete an official answer is (0..100), with the rubric's findings as JSON.</summary>
public interface IAnswerScorer
{
    AnswerScore? Score(string text, IReadOnlyList<string> attachments);
}

public sealed record AnswerScore(int Score, string DetailsJson);
