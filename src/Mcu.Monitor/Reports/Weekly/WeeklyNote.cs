namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// The weekly analytic note (regulation 4.3а) as data, made by <see cref="WeeklyNoteBuilder"/> and written as DOCX
/// (<see cref="WeeklyNoteDocx"/>) and HTML (<see cref="WeeklyNoteHtml"/>).
/// </summary>
/// <param name="Municipality">The municipality's name.</param>
/// <param name="Week">The ISO week.</param>
/// <param name="PreviousWeek">The week before, for the changes.</param>
/// <param name="AsOf">The moment of reckoning: incidents are shown as they stand then.</param>
/// <param name="Zone">The municipality's time zone.</param>
/// <param name="Headline">Messages, appeals, incidents, share answered, share within deadline, median reaction, overdue now.</param>
/// <param name="Charts">Volume by sector per day, risk levels, top localities.</param>
/// <param name="Problems">Top sector × locality groups of the week's appeals, with example posts.</param>
/// <param name="Overdue">Incidents open past their deadline at <paramref name="AsOf"/>, most overdue first.</param>
/// <param name="Rating">The recipients' rating of the week.</param>
/// <param name="EmergingRisks">Sector × locality groups whose negative messages grew most.</param>
/// <param name="Spikes">The spike detector's rows of the week; null when its table does not exist.</param>
public sealed record WeeklyNote(
    string Municipality,
    ReportPeriod Week,
    ReportPeriod PreviousWeek,
    DateTimeOffset AsOf,
    TimeZoneInfo Zone,
    IReadOnlyList<HeadlineFigure> Headline,
    IReadOnlyList<ChartSpec> Charts,
    IReadOnlyList<ProblemGroup> Problems,
    IReadOnlyList<OverdueRow> Overdue,
    RatingTable Rating,
    IReadOnlyList<EmergingRisk> EmergingRisks,
    RiskSpikeTable? Spikes)
{
    public HeadlineFigure Figure(string label) => Headline.Single(f => f.Label == label);

    public ChartSpec Chart(string id) => Charts.Single(c => c.Id == id);
}
