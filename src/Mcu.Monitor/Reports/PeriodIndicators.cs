namespace Mcu.Monitor.Reports;

/// <summary>
/// Everything a period's report shows (the monthly and annual indicators, regulation 3.3д, 4.4): messages by channel
/// and sector, incidents and their indicators overall and per recipient, official pages, and the incidents overdue at
/// <see cref="AsOf"/>.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="AsOf">The moment of reckoning: the state of incidents is read as it is at this moment (the report's time).</param>
/// <param name="Messages">Residents' posts and comments published in the period (official accounts' own excluded).</param>
/// <param name="Appeals">Of them, classified as appeals.</param>
/// <param name="Overdue">Incidents opened before the period's end that are open and past their running deadline at <see cref="AsOf"/>, most overdue first.</param>
/// <param name="MessagesByChannelAndSector">Messages and appeals by network and sector.</param>
/// <param name="Incidents">Indicators of the incidents opened in the period.</param>
/// <param name="Recipients">The same per recipient.</param>
/// <param name="OfficialPages">Activity of the official pages.</param>
public sealed record PeriodIndicators(
    ReportPeriod Period,
    DateTimeOffset AsOf,
    int Messages,
    int Appeals,
    IReadOnlyList<MessageCount> MessagesByChannelAndSector,
    IncidentStats Incidents,
    IReadOnlyList<RecipientMetrics> Recipients,
    IReadOnlyList<OfficialPageActivity> OfficialPages,
    IReadOnlyList<IncidentFacts> Overdue);
