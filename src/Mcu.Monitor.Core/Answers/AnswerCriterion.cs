namespace Mcu.Monitor.Answers;

/// <summary>
/// One line of the rubric. <see cref="Met"/> is always the good outcome: for a bonus criterion it earns
/// <see cref="Points"/> &gt; 0, for a penalty criterion a miss costs <see cref="Points"/> &lt; 0. <see cref="Reason"/>
/// says in Russian what was found, quoting the words behind the decision.
/// </summary>
public sealed record AnswerCriterion(AnswerCriterionKind Kind, bool Met, int Points, string Reason);
