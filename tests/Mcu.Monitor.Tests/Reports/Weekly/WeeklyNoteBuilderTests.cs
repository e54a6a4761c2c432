using Mcu.Monitor.Reports;
using Mcu.Monitor.Reports.Weekly;

namespace Mcu.Monitor.Tests.Reports.Weekly;

/// <summary>The note of the seeded week 2026-W48 against 2026-W47 (see <see cref="WeeklySeed"/> for where each number comes from).</summary>
public class WeeklyNoteBuilderTests
{
    [Fact]
    public void Build_SeededWeek_HeadlineNumbersAndChangesMatchTheHandCount()
    {
        using var seed = new WeeklySeed();

        var note = seed.Builder.Build(WeeklySeed.Week48);

        Assert.Equal("2026-W47", note.PreviousWeek.Label);
        Assert.Equal(ReportSeed.Msk(12, 1, 12), note.AsOf);
        // 17 from ReportSeed + w1–w5; last week: incident #12's post + p1–p3.
        Assert.Equal((22.0, 4.0), Figures(note, WeeklyNoteBuilder.Messages));
        Assert.Equal((15.0, 3.0), Figures(note, WeeklyNoteBuilder.Appeals));        // 11 + w1–w4; #12, p1, p2
        Assert.Equal((11.0, 1.0), Figures(note, WeeklyNoteBuilder.Incidents));      // #1–#11; #12
        Assert.Equal(8.0 / 11, note.Figure(WeeklyNoteBuilder.ShareAnswered).Current!.Value, 9);
        Assert.Equal(0.0, note.Figure(WeeklyNoteBuilder.ShareAnswered).Previous);  // #12 never answered
        Assert.Equal((0.8, 0.0), Figures(note, WeeklyNoteBuilder.ShareWithinDeadline)); // #12 missed its deadline
        Assert.Equal(1.0, note.Figure(WeeklyNoteBuilder.MedianReaction).Current);
        Assert.Null(note.Figure(WeeklyNoteBuilder.MedianReaction).Previous);       // no reaction last week
        Assert.Equal((3.0, 1.0), Figures(note, WeeklyNoteBuilder.OverdueNow));      // #12, #3, #5 now; #12 a week ago (Tue 24 12:00)

        Assert.Equal(
            ["▲ +450 %", "▲ +400 %", "▲ +1000 %", "▲ +73 п.п.", "▲ +80 п.п.", "—", "▲ +200 %"],
            note.Headline.Select(WeeklyNoteText.Change));
    }

    [Fact]
    public void Build_SeededWeek_VolumeChartIsMessagesPerSectorPerLocalDay()
    {
        using var seed = new WeeklySeed();

        var chart = seed.Builder.Build(WeeklySeed.Week48).Chart("volume");

        Assert.Equal(ChartKind.StackedBars, chart.Kind);
        Assert.Equal(["пн 23.11", "вт 24.11", "ср 25.11", "чт 26.11", "пт 27.11", "сб 28.11", "вс 29.11"], chart.Categories);
        // Sectors by the week's volume: zhkh 8, other 5, roads 4, tko 2, then education, social, transport with 1 each (by id).
        Assert.Equal(
            [seed.Names.Sector("zhkh"), seed.Names.Sector("other"), seed.Names.Sector("roads"), seed.Names.Sector("tko"),
             seed.Names.Sector("education"), seed.Names.Sector("social"), seed.Names.Sector("transport")],
            chart.Series.Select(s => s.Name));
        Assert.Equal([2.0, 2, 2, 0, 1, 0, 1], chart.Series[0].Values);   // #1 + w1, #3 + w2, #4 + w3, #2 (Fri), #5 (Sun 20:00)
        Assert.Equal([3.0, 0, 0, 1, 0, 1, 0], chart.Series[1].Values);   // thank-you + page comments c1, c2 (Mon), c3 (Thu), c4 (Sat)
        Assert.Equal([0.0, 1, 1, 1, 0, 0, 1], chart.Series[2].Values);   // #6, #7, w4, w5 (Sun 23:30 MSK is still Sunday)
        Assert.Equal(22, chart.Series.Sum(s => s.Values.Sum()));          // adds up to the headline
    }

    [Fact]
    public void Build_SeededWeek_RiskAndLocalityCharts()
    {
        using var seed = new WeeklySeed();

        var note = seed.Builder.Build(WeeklySeed.Week48);
        var risk = note.Chart("risk");
        var localities = note.Chart("localities");

        Assert.Equal(["низкий", "средний", "высокий", "критический"], risk.Categories);
        Assert.Equal(["прошлая неделя", "эта неделя"], risk.Series.Select(s => s.Name));
        Assert.Equal([2.0, 1, 1, 0], risk.Series[0].Values);   // #12 and p1 Low, p2 Medium, p3 High
        Assert.Equal([18.0, 2, 1, 1], risk.Series[1].Values);  // ReportSeed's 17 and w3 Low, w2 and w5 Medium, w1 High, w4 Critical
        Assert.Equal([seed.Names.Locality("ilovka"), seed.Names.Locality("alekseevka")], localities.Categories);
        Assert.Equal([3.0, 2], localities.Series[0].Values);
        Assert.Equal([3.0, 1], localities.Series[1].Values); // w5 is not an appeal
    }

    [Fact]
    public void Build_SeededWeek_MainProblemsWithExcerptsRiskiestFirst()
    {
        using var seed = new WeeklySeed();

        var problems = seed.Builder.Build(WeeklySeed.Week48).Problems;

        // zhkh without locality 5 (#1–#5), zhkh Иловка 3, roads 2 and tko 2 (by sector), then roads Алексеевка 1 (negative first among the ones).
        Assert.Equal(
            [("zhkh", null, 5), ("zhkh", "ilovka", 3), ("roads", null, 2), ("tko", null, 2), ("roads", "alekseevka", 1)],
            problems.Select(p => (p.Sector, p.LocalityId, p.Appeals)));
        var ilovka = problems[1];
        Assert.Equal((1, 2, seed.Names.Locality("ilovka")), (ilovka.PreviousAppeals, ilovka.Negative, ilovka.LocalityName));
        Assert.Equal(["vk:-2:w1", "vk:-2:w2", "vk:-2:w3"], ilovka.Examples.Select(e => e.Key));
        Assert.Equal("https://vk.com/wall-2_w1", ilovka.Examples[0].Url);
        Assert.Equal(WeeklyNoteNames.NoLocality, problems[0].LocalityName);
        var excerpt = ilovka.Examples[2].Excerpt;
        Assert.True(excerpt.Length <= WeeklyNoteText.ExcerptLength, excerpt);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("слово слово", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeededWeek_OverdueRatingAndEmergingRisks()
    {
        using var seed = new WeeklySeed();

        var note = seed.Builder.Build(WeeklySeed.Week48);

        // #12 due Fri 20 14:00 (10.9 days before Tue 1 Dec 12:00), #3 answer due Thu 26 18:00 (4.75), #5 due Mon 30 17:00 (0.8).
        Assert.Equal([(12L, 10), (3L, 4), (5L, 0)], note.Overdue.Select(o => (o.Id, o.DaysOverdue)));
        Assert.Equal(seed.Names.Locality("ilovka"), note.Overdue[1].LocalityName);
        Assert.Equal(seed.Names.Recipient("zhkh"), note.Overdue[1].RecipientName);
        Assert.Equal(seed.Rating.Compute(WeeklySeed.Week48, note.AsOf).Rows, note.Rating.Rows);
        // Negative (risk above Low): zhkh Иловка 0 → 2 (w1, w2); roads Алексеевка 2 → 2 (no growth, not listed).
        var risk = Assert.Single(note.EmergingRisks);
        Assert.Equal(("zhkh", "ilovka", 2, 0, 2), (risk.Sector, risk.LocalityId, risk.Negative, risk.PreviousNegative, risk.Growth));
        Assert.Empty(note.Spikes!.Rows); // no spike detected
    }

    [Fact]
    public void Build_RiskSpikes_ListsTheWeeksRowsOnly()
    {
        using var seed = new WeeklySeed();
        seed.Execute("""
            INSERT INTO risk_spikes (idempotency_key, municipality, sector, locality_id, window_start, window_end, count, baseline, threshold, p_value,
                post_keys, detected_at, last_window_end, peak_count, peak_window_end, recipient_id, next_attempt_at)
            VALUES ('spike:zhkh:ilovka:1', 'm', 'zhkh', 'ilovka', '2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z', 6, 0.25, 5, 0.00001,
                '[]', '2026-11-24T08:00:00.000Z', '2026-11-24T08:15:00.000Z', 7, '2026-11-24T08:15:00.000Z', 'mcu-head', '2026-11-24T08:00:00.000Z'),
                   ('spike:roads:-:1', 'm', 'roads', NULL, '2026-11-18T07:00:00.000Z', '2026-11-18T08:00:00.000Z', 5, 0.1, 5, 0.00001,
                '[]', '2026-11-18T08:00:00.000Z', '2026-11-18T08:00:00.000Z', 5, '2026-11-18T08:00:00.000Z', 'mcu-head', '2026-11-18T08:00:00.000Z');
            """);

        var spikes = seed.Builder.Build(WeeklySeed.Week48).Spikes!;

        var row = Assert.Single(spikes.Rows); // the 18th is in the week before
        Assert.Equal(["zhkh", "ilovka", "2026-11-24T07:00:00.000Z", "7", "0.25"], row);
    }

    [Fact]
    public void Build_NotAWeek_Throws()
    {
        using var seed = new WeeklySeed();

        Assert.Throws<ArgumentException>(() => seed.Builder.Build(ReportPeriod.Month(2026, 11, ReportSeed.Moscow)));
    }

    [Fact]
    public void PreviousWeek_FirstWeekOfTheYear_IsTheLastOfThePreviousIsoYear()
    {
        var previous = WeeklyNoteBuilder.PreviousWeek(ReportPeriod.Week(2027, 1, ReportSeed.Moscow), ReportSeed.Moscow);

        Assert.Equal("2026-W53", previous.Label); // 2026 has 53 ISO weeks
    }

    private static (double? Current, double? Previous) Figures(WeeklyNote note, string label) =>
        (note.Figure(label).Current, note.Figure(label).Previous);
}
