using Mcu.Monitor.Incidents;

namespace Mcu.Monitor.Reports;

/// <summary>
/// The rating of responsible recipients (regulation 4.3б): by number, response time and completeness of answers, and —
/// for a recipient with an official page (<c>Reports:RecipientPages</c>) — how it answers residents there.
/// <para>
/// <b>The formula.</b> Score = 100 × Σ wᵢ·xᵢ / Σ wᵢ, summed over the components that have data:
/// </para>
/// <list type="table">
/// <item><term>D, w 0.30</term><description>share of first reactions within the reaction deadline (known when at least one deadline is decided)</description></item>
/// <item><term>A, w 0.25</term><description>share of received incidents answered</description></item>
/// <item><term>C, w 0.20</term><description>mean answer completeness / 100 (known when at least one answer is scored)</description></item>
/// <item><term>R, w 0.15</term><description>1 − share of incidents reopened (known when at least one incident was ever answered: only an answer can be reopened)</description></item>
/// <item><term>S, w 0.10</term><description>speed: max(0, 1 − median reaction in working hours / the normal reaction deadline
/// <c>Incidents:Deadlines:Reaction:Normal</c>, 24 h by default) (known when at least one incident got a reaction)</description></item>
/// <item><term>P, w 0.10</term><description>the official page's share of residents' comments answered (only for a recipient with a
/// page that had resident comments in the period)</description></item>
/// </list>
/// <para>
/// So a recipient without a page is scored on D, A, C, R, S with weights summing to 1, and a component with no data
/// neither helps nor harms. The score is rounded to one decimal; recipients rank by score (higher first), ties by
/// incidents received (more first), then by id (ordinal). Recipients with no incidents in the period get no score and
/// are listed last, by id.
/// </para>
/// </summary>
public sealed class RecipientRating(ReportMetrics metrics, DeadlineOptions deadlines)
{
    public const double WeightWithinDeadline = 0.30;
    public const double WeightAnswered = 0.25;
    public const double WeightCompleteness = 0.20;
    public const double WeightNotReopened = 0.15;
    public const double WeightSpeed = 0.10;
    public const double WeightPage = 0.10;

    public RatingTable Compute(ReportPeriod period, DateTimeOffset? asOf = null)
    {
        var at = asOf ?? metrics.Now;
        var recipients = metrics.Recipients(period, at);
        return Rank(period, at, recipients, deadlines.Reaction.Normal);
    }

    /// <summary>Ranks per-recipient metrics (already computed, e.g. for the indicator report) by <see cref="Score"/>.</summary>
    public static RatingTable Rank(ReportPeriod period, DateTimeOffset asOf, IEnumerable<RecipientMetrics> recipients, TimeSpan reactionDeadline)
    {
        var scored = recipients.Select(r => (Metrics: r, Score: Score(r.Stats, r.Page, reactionDeadline))).ToList();
        var ranked = scored.Where(s => s.Score is not null)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Metrics.Stats.Received)
            .ThenBy(s => s.Metrics.RecipientId, StringComparer.Ordinal)
            .Select((s, index) => Row(index + 1, s.Metrics, s.Score));
        var unranked = scored.Where(s => s.Score is null)
            .OrderBy(s => s.Metrics.RecipientId, StringComparer.Ordinal)
            .Select(s => Row(null, s.Metrics, null));
        return new RatingTable(period, asOf, [.. ranked, .. unranked]);
    }

    /// <summary>The score 0..100 (one decimal) by the formula above, or null when the recipient received no incidents.</summary>
    public static double? Score(IncidentStats stats, OfficialPageActivity? page, TimeSpan reactionDeadline)
    {
        if (stats.Received == 0)
        {
            return null;
        }

        var components = new List<(double Weight, double Value)> { (WeightAnswered, stats.ShareAnswered!.Value) };
        if (stats.EverAnswered > 0)
        {
            // Only an answer can be reopened: with none, "never reopened" is no merit.
            components.Add((WeightNotReopened, 1 - stats.ShareReopened!.Value));
        }

        if (stats.ShareWithinDeadline is { } within)
        {
            components.Add((WeightWithinDeadline, within));
        }

        if (stats.MeanCompleteness is { } completeness)
        {
            components.Add((WeightCompleteness, completeness / 100));
        }

        if (stats.MedianReactionHours is { } median && reactionDeadline > TimeSpan.Zero)
        {
            components.Add((WeightSpeed, Math.Max(0, 1 - (median / reactionDeadline.TotalHours))));
        }

        if (page?.ShareAnswered is { } pageShare)
        {
            components.Add((WeightPage, pageShare));
        }

        var score = 100 * components.Sum(c => c.Weight * c.Value) / components.Sum(c => c.Weight);
        return Math.Round(score, 1, MidpointRounding.AwayFromZero);
    }

    private static RatingRow Row(int? rank, RecipientMetrics r, double? score) => new(
        rank, r.RecipientId, r.Name, score, r.Stats.Received, r.Stats.ShareAnswered, r.Stats.MedianReactionHours, r.Stats.P90ReactionHours,
        r.Stats.ShareWithinDeadline, r.Stats.MeanCompleteness, r.Stats.ShareReopened, r.Stats.Satisfaction, r.Stats.Overdue,
        r.Page is null ? null : $"{r.Page.Network}:{r.Page.Owner}", r.Page?.PostsPerWeek, r.Page?.ShareAnswered, r.Page?.MedianAnswerHours);
}
