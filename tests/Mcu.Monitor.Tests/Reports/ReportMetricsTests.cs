using Mcu.Monitor.Reports;

namespace Mcu.Monitor.Tests.Reports;

/// <summary>The indicators of the seeded week 2026-W48 (see <see cref="ReportSeed.Week48"/> for how each number comes about).</summary>
public class ReportMetricsTests
{
    private static readonly ReportPeriod Week48 = ReportPeriod.Week(2026, 48, ReportSeed.Moscow);

    [Fact]
    public void Compute_SeededWeek_OverallIndicatorsMatchTheHandCount()
    {
        using var seed = ReportSeed.Week48();

        var indicators = seed.Metrics.Compute(Week48);
        var s = indicators.Incidents;

        Assert.Equal(ReportSeed.Msk(12, 1, 12), indicators.AsOf);
        Assert.Equal(11, s.Received);                       // #1–#11; #12 opened before the week, #13 after it
        Assert.Equal(8, s.Answered);                        // #1, #2, #4, #6, #8–#11
        Assert.Equal(8.0 / 11, s.ShareAnswered!.Value, 9);
        Assert.Equal(9, s.Reacted);                         // reactions 1,1,1,1,1 (#6, #8–#11), 2 (#1), 2.5 (#2), 3.5 (#4), 9 (#3)
        Assert.Equal(1.0, s.MedianReactionHours);           // the 5th of nine
        Assert.Equal(9.0, s.P90ReactionHours);              // nearest rank ⌈0.9·9⌉ = 9th
        Assert.Equal(10, s.DeadlineDecided);                // all but #7 (rejected, never reacted)
        Assert.Equal(8, s.WithinDeadline);                  // #3 late, #5 missed
        Assert.Equal(0.8, s.ShareWithinDeadline!.Value, 9);
        Assert.Equal(8, s.Scored);
        Assert.Equal(85.0, s.MeanCompleteness!.Value, 9);   // (70 + 60 + 100 + 50 + 4·100) / 8 = 680 / 8
        Assert.Equal(1, s.Reopened);                        // #4
        Assert.Equal(1.0 / 11, s.ShareReopened!.Value, 9);
        Assert.Equal(8, s.EverAnswered);
        Assert.Equal(6, s.Satisfied);                       // not #2 (a neighbour: «до сих пор не»), not #4 (reopened)
        Assert.Equal(0.75, s.Satisfaction!.Value, 9);
        Assert.Equal(2, s.Overdue);                         // #3 (answer due Thu 18:00), #5 (reaction due Mon 17:00)
    }

    [Fact]
    public void Incidents_SeededWeek_ReactionInWorkingHoursAcrossTheWeekendAndAfterAReopening()
    {
        using var seed = ReportSeed.Week48();

        var byId = seed.Metrics.Incidents(Week48).ToDictionary(i => i.Id);

        Assert.Equal(2.0, byId[1].ReactionHours);
        Assert.Equal(2.5, byId[2].ReactionHours);   // answered with no separate reaction: Fri 17–18 + Mon 9:00–10:30
        Assert.Equal(9.0, byId[3].ReactionHours);   // Tue 9–13, 14–18, Wed 9–10 (lunch skipped)
        Assert.Equal(3.5, byId[4].ReactionHours);   // from the reopening (Thu 09:00), not from the opening
        Assert.Null(byId[5].ReactionHours);
        Assert.Equal([true, true, false, true, false, true, null], [.. Enumerable.Range(1, 7).Select(id => byId[id].WithinDeadline)]);
        Assert.Equal([true, false, null, false, null, true, null], [.. Enumerable.Range(1, 7).Select(id => byId[id].Satisfied)]);
    }

    [Fact]
    public void Recipients_SeededWeek_ZhkhAndRoads()
    {
        using var seed = ReportSeed.Week48();

        var recipients = seed.Metrics.Recipients(Week48);
        var zhkh = recipients.Single(r => r.RecipientId == "zhkh").Stats;
        var roads = recipients.Single(r => r.RecipientId == "roads");

        Assert.Equal(seed.Routing.Recipients.Select(r => r.Id), recipients.Select(r => r.RecipientId)); // registry order, every recipient
        Assert.Equal((5, 3, 3.0, 9.0), (zhkh.Received, zhkh.Answered, zhkh.MedianReactionHours, zhkh.P90ReactionHours)); // median of 2, 2.5, 3.5, 9
        Assert.Equal((5, 3), (zhkh.DeadlineDecided, zhkh.WithinDeadline));
        Assert.Equal(230.0 / 3, zhkh.MeanCompleteness!.Value, 9);
        Assert.Equal((1, 3, 1, 2), (zhkh.Reopened, zhkh.EverAnswered, zhkh.Satisfied, zhkh.Overdue));
        Assert.Equal((2, 1, 1.0, 1, 1), (roads.Stats.Received, roads.Stats.Answered, roads.Stats.MedianReactionHours, roads.Stats.DeadlineDecided, roads.Stats.WithinDeadline));
        Assert.Equal("-555", roads.Page!.Owner);
        Assert.Null(recipients.Single(r => r.RecipientId == "zhkh").Page);
        Assert.Equal(0, recipients.Single(r => r.RecipientId == "gas").Stats.Received);
    }

    [Fact]
    public void Messages_SeededWeek_ByNetworkAndSectorWithoutTheOfficialPage()
    {
        using var seed = ReportSeed.Week48();

        var messages = seed.Metrics.Messages(Week48);

        // vk: the incident posts (#1, #3–#11), the thank-you under #1 and the residents' four comments on the page;
        // the page's own posts and answers are not residents' messages; ok: #2; telegram: one message.
        Assert.Equal(
            [
                new MessageCount("vk", "education", 1, 1), new MessageCount("vk", "other", 5, 0), new MessageCount("vk", "roads", 2, 2),
                new MessageCount("vk", "social", 1, 1), new MessageCount("vk", "tko", 2, 2), new MessageCount("vk", "zhkh", 4, 4),
                new MessageCount("ok", "zhkh", 1, 1), new MessageCount("telegram", "transport", 1, 0),
            ],
            messages);
        var indicators = seed.Metrics.Compute(Week48);
        Assert.Equal((17, 11), (indicators.Messages, indicators.Appeals));
    }

    [Fact]
    public void OfficialPages_SeededWeek_PostsPerWeekAndAnsweredComments()
    {
        using var seed = ReportSeed.Week48();

        var page = Assert.Single(seed.Metrics.OfficialPages(Week48));

        Assert.Equal(("vk", "-555", "roads"), (page.Network, page.Owner, page.RecipientIds.Single()));
        Assert.Equal(seed.Routing.Recipients.Single(r => r.Id == "roads").Name, page.Name);
        Assert.Equal(2, page.Posts);                  // A and B; the older post is outside the week
        Assert.Equal(2.0, page.PostsPerWeek, 9);
        Assert.Equal(4, page.ResidentComments);       // c1–c4 (c4 is under the older post, written in the week)
        Assert.Equal(3, page.AnsweredComments);       // c3 never answered
        Assert.Equal(0.75, page.ShareAnswered!.Value, 9);
        Assert.Equal(1.0, page.MedianAnswerHours);    // 0.5, 1.0, 1.0
    }

    [Fact]
    public void OfficialPages_ConfiguredAccountOnAMonth_PostsPerWeekIsPostsOverWeeks()
    {
        using var seed = ReportSeed.Week48();

        var page = Assert.Single(seed.Metrics.OfficialPages(ReportPeriod.Month(2026, 11, ReportSeed.Moscow)));

        Assert.Equal(3, page.Posts);                   // the older post too
        Assert.Equal(3 / (30.0 / 7), page.PostsPerWeek, 9);
    }

    [Fact]
    public void Overdue_SeededWeek_OpenPastTheRunningDeadlineOpenedBeforeTheEnd_MostOverdueFirst()
    {
        using var seed = ReportSeed.Week48();

        var overdue = seed.Metrics.Overdue(Week48);

        // #12 (due Fri 20 14:00), #3 (answer due Thu 26 18:00), #5 (due Mon 30 17:00); #13 opened after the week
        Assert.Equal([12L, 3L, 5L], overdue.Select(i => i.Id));
    }

    [Fact]
    public void Compute_EmptyDatabase_ZerosAndNulls()
    {
        using var seed = new ReportSeed(ReportSeed.Msk(12, 1, 12));

        var indicators = seed.Metrics.Compute(Week48);

        Assert.Equal((0, 0, 0), (indicators.Messages, indicators.Appeals, indicators.Incidents.Received));
        Assert.Null(indicators.Incidents.ShareAnswered);
        Assert.Null(indicators.Incidents.MedianReactionHours);
        Assert.Empty(indicators.OfficialPages);
        Assert.Empty(indicators.Overdue);
    }
}
