namespace Mcu.Monitor.Reports;

/// <summary>
/// Reports (section <c>Reports</c>): where the scheduled indicator reports go, when they are made, and which official
/// page (госпаблик) each recipient runs, so the rating can weigh how the recipient answers on its own page.
/// Periods and schedules are in the municipality's time zone (<c>Municipality:TimeZone</c>).
/// </summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>Folder of the scheduled reports, relative to the current directory. Default <c>reports</c>.</summary>
    public string OutputDirectory { get; set; } = "reports";

    /// <summary>
    /// Quartz cron expression of the monthly indicator report (the previous month's XLSX and CSV). Default
    /// <c>0 0 6 1 * ?</c>: the 1st of every month at 06:00, in time for the ЦУР's deadline of the 2nd (regulation 3.3д).
    /// Empty turns the schedule off.
    /// </summary>
    public string? IndicatorsSchedule { get; set; } = "0 0 6 1 * ?";

    /// <summary>
    /// Recipient id → its official page as <c>network:owner</c> (as in post keys), e.g. <c>"zhkh": "vk:-123456"</c>.
    /// Pages need not be listed in <c>Sources:OfficialAccounts</c>, but only pages whose posts are collected have data.
    /// </summary>
    public Dictionary<string, string> RecipientPages { get; set; } = [];
}
