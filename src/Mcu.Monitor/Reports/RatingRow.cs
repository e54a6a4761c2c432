namespace Mcu.Monitor.Reports;

/// <summary>
/// One line of the recipients' rating. <see cref="Rank"/> and <see cref="Score"/> are null for a recipient that received
/// no incidents in the period (listed after the ranked ones). Shares are 0..1, hours are working hours.
/// </summary>
public sealed record RatingRow(
    int? Rank,
    string RecipientId,
    string Name,
    double? Score,
    int Received,
    double? ShareAnswered,
    double? MedianReactionHours,
    double? P90ReactionHours,
    double? ShareWithinDeadline,
    double? MeanCompleteness,
    double? ShareReopened,
    double? Satisfaction,
    int Overdue,
    string? Page,
    double? PagePostsPerWeek,
    double? PageShareAnswered,
    double? PageMedianAnswerHours);
