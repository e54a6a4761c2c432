using Mcu.Monitor.Incidents;
using Mcu.Monitor.Reports;

namespace Mcu.Monitor.Tests.Reports;

public class RecipientRatingTests
{
    private static readonly ReportPeriod Week48 = ReportPeriod.Week(2026, 48, ReportSeed.Moscow);

    [Fact]
    public void Compute_SeededWeek_ScoresByTheFormulaAndBreaksTiesByReceivedThenId()
    {
        using var seed = ReportSeed.Week48();

        var table = new RecipientRating(seed.Metrics, new DeadlineOptions()).Compute(Week48);

        // Perfect recipients: 100·(0.3 + 0.25 + 0.2 + 0.15 + 0.1·(1 − 1/24)) = 99.58 → 99.6; tko-operator has two incidents, so it
        // leads; education and social tie on received too and go by id.
        // roads (with its page): (0.3·1 + 0.25·0.5 + 0.2·0.5 + 0.15·1 + 0.1·(1 − 1/24) + 0.1·0.75) / 1.1 = 0.84583 / 1.1 → 76.9.
        // zhkh: 0.3·0.6 + 0.25·0.6 + 0.2·(230/3/100) + 0.15·0.8 + 0.1·(1 − 3/24) = 0.69083 → 69.1.
        Assert.Equal(
            [(1, "tko-operator", 99.6), (2, "education", 99.6), (3, "social", 99.6), (4, "roads", 76.9), (5, "zhkh", 69.1)],
            table.Rows.Where(r => r.Rank is not null).Select(r => (r.Rank!.Value, r.RecipientId, r.Score!.Value)));
        // No incidents: no score, last, by id.
        Assert.Equal(["curator", "gas", "mcu", "mcu-head", "ta-ilovka", "ta-khlevishche", "ta-shcherbakovo"],
            table.Rows.Where(r => r.Rank is null).Select(r => r.RecipientId));
        Assert.All(table.Rows.Where(r => r.Rank is null), r => Assert.Null(r.Score));

        var roads = table.Rows.Single(r => r.RecipientId == "roads");
        Assert.Equal(("vk:-555", 0.75, 2.0), (roads.Page, roads.PageShareAnswered, roads.PagePostsPerWeek));
        var zhkh = table.Rows.Single(r => r.RecipientId == "zhkh");
        Assert.Equal((5, 0.6, 3.0, 9.0, 0.6, 0.2), (zhkh.Received, zhkh.ShareAnswered, zhkh.MedianReactionHours, zhkh.P90ReactionHours, zhkh.ShareWithinDeadline, zhkh.ShareReopened));
    }

    [Fact]
    public void Score_NoDataForSomeComponents_UsesTheOthersOnly()
    {
        // Two incidents, one answered (completeness unknown) in 2 h, neither deadline decided yet: A 0.5, R 1, S 1 − 2/24
        // → 100·(0.125 + 0.15 + 0.1·0.91667) / 0.5 = 73.3.
        var stats = new IncidentStats(2, 1, 1, 2, 2, 0, 0, 0, null, 0, 1, 1, 0);

        Assert.Equal(73.3, RecipientRating.Score(stats, null, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Score_NothingDone_ZeroNotCreditedForNeverBeingReopened()
    {
        // Three incidents, all past the reaction deadline with no reaction: D 0, A 0; R is not counted (nothing answered).
        var stats = new IncidentStats(3, 0, 0, null, null, 3, 0, 0, null, 0, 0, 0, 3);

        Assert.Equal(0.0, RecipientRating.Score(stats, null, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Score_SlowerThanTheDeadline_SpeedIsZeroNotNegative()
    {
        // All answered and in time... except the median reaction of 30 h exceeds 24 h: speed 0 → 100·0.9 = 90.
        var stats = new IncidentStats(2, 2, 2, 30, 30, 2, 2, 2, 100, 0, 2, 2, 0);

        Assert.Equal(90.0, RecipientRating.Score(stats, null, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Score_NoIncidents_Null() =>
        Assert.Null(RecipientRating.Score(new IncidentStats(0, 0, 0, null, null, 0, 0, 0, null, 0, 0, 0, 0), null, TimeSpan.FromHours(24)));
}
