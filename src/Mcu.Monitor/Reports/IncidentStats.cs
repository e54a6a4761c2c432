namespace Mcu.Monitor.Reports;

/// <summary>
/// Indicators of a set of incidents (a period's, or one recipient's in it). Shares are 0..1 and null when their
/// denominator is zero; hours are working hours on the municipality's calendar.
/// </summary>
/// <param name="Received">Incidents opened in the period.</param>
/// <param name="Answered">Of them, with an official answer now.</param>
/// <param name="Reacted">With a first reaction (taken in work or answered).</param>
/// <param name="MedianReactionHours">Median working hours to the first reaction.</param>
/// <param name="P90ReactionHours">90th percentile (nearest rank) of the same.</param>
/// <param name="DeadlineDecided">Reacted, or past the reaction deadline without a reaction: those whose outcome is known.</param>
/// <param name="WithinDeadline">Of them, reacted by the reaction deadline.</param>
/// <param name="Scored">Answered with a completeness score.</param>
/// <param name="MeanCompleteness">Mean completeness score (0..100) of the scored answers.</param>
/// <param name="Reopened">Reopened at least once (a resident said nothing was done).</param>
/// <param name="EverAnswered">Answered now or once (reopened after an answer).</param>
/// <param name="Satisfied">Of them, satisfied (see <see cref="ReportMetrics"/>).</param>
/// <param name="Overdue">Still open and past the running deadline.</param>
public sealed record IncidentStats(
    int Received,
    int Answered,
    int Reacted,
    double? MedianReactionHours,
    double? P90ReactionHours,
    int DeadlineDecided,
    int WithinDeadline,
    int Scored,
    double? MeanCompleteness,
    int Reopened,
    int EverAnswered,
    int Satisfied,
    int Overdue)
{
    public double? ShareAnswered => ReportStatistics.Share(Answered, Received);

    public double? ShareWithinDeadline => ReportStatistics.Share(WithinDeadline, DeadlineDecided);

    public double? ShareReopened => ReportStatistics.Share(Reopened, Received);

    /// <summary>The satisfaction proxy: satisfied among the ever answered.</summary>
    public double? Satisfaction => ReportStatistics.Share(Satisfied, EverAnswered);

    public static IncidentStats Of(IEnumerable<IncidentFacts> incidents)
    {
        var list = incidents.ToList();
        var reactions = list.Where(i => i.ReactionHours is not null).Select(i => i.ReactionHours!.Value).ToList();
        var scores = list.Where(i => i.Answered && i.AnswerScore is not null).Select(i => (double)i.AnswerScore!.Value).ToList();
        return new IncidentStats(
            Received: list.Count,
            Answered: list.Count(i => i.Answered),
            Reacted: reactions.Count,
            MedianReactionHours: ReportStatistics.Median(reactions),
            P90ReactionHours: ReportStatistics.Percentile(reactions, 90),
            DeadlineDecided: list.Count(i => i.WithinDeadline is not null),
            WithinDeadline: list.Count(i => i.WithinDeadline == true),
            Scored: scores.Count,
            MeanCompleteness: scores.Count == 0 ? null : scores.Average(),
            Reopened: list.Count(i => i.Reopened),
            EverAnswered: list.Count(i => i.EverAnswered),
            Satisfied: list.Count(i => i.Satisfied == true),
            Overdue: list.Count(i => i.Overdue));
    }
}
