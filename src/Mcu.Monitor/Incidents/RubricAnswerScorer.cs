using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Mcu.Monitor.Answers;

namespace Mcu.Monitor.Incidents;

/// <summary>Scores answers with the transparent rubric (<see cref="AnswerRubric"/>); the findings are kept as JSON with the incident.</summary>
public sealed class RubricAnswerScorer(AnswerRubric rubric) : IAnswerScorer
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public AnswerScore? Score(string text, IReadOnlyList<string> attachments) => Of(rubric.Score(text, attachments));

    public static AnswerScore Of(AnswerRubricResult result) => new(result.Score, JsonSerializer.Serialize(new
    {
        score = result.Score,
        formal = result.IsFormal,
        criteria = result.Criteria.Select(c => new { kind = c.Kind.ToString(), met = c.Met, points = c.Points, reason = c.Reason }),
    }, Json));
}
