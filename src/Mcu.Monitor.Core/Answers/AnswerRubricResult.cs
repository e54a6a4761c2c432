namespace Mcu.Monitor.Answers;

/// <summary>
/// How complete an official answer is: <see cref="Score"/> 0..100 (the sum of the criteria's points, clamped),
/// every criterion with its reason, and whether the answer is a formal reply (отписка) that should go back
/// «на доработку».
/// </summary>
public sealed record AnswerRubricResult(int Score, IReadOnlyList<AnswerCriterion> Criteria, bool IsFormal)
{
    public AnswerCriterion this[AnswerCriterionKind kind] => Criteria.First(c => c.Kind == kind);

    /// <summary>The reasons in one line, for a card or an alert: «+40 названо действие…; −40 формальная отписка…».</summary>
    public string Summary => string.Join("; ", Criteria.Where(c => c.Points != 0).Select(c =>
        (c.Points > 0 ? "+" : "−") + Math.Abs(c.Points).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + c.Reason));
}
