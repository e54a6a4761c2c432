namespace Mcu.Monitor.Incidents;

/// <summary>When appeals open incidents and how long recipients have (section <c>Incidents</c>).</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Appeals in comments open incidents too. Default true.</summary>
    public bool OpenForComments { get; set; } = true;

    public DeadlineOptions Deadlines { get; set; } = new();

    /// <summary>
    /// The least priority of an appeal by sector, whatever its risk: e.g. <c>"tko": "High"</c> where rubbish is urgent
    /// (ПОС gives snow and rubbish the shortest terms). Values <c>High</c> or <c>Critical</c>; strings, so a typo stops
    /// start-up instead of being dropped by the binder. Default none.
    /// </summary>
    public Dictionary<string, string> SectorPriority { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the worker looks for due reminders and escalations. Default 1 minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IncidentMergeOptions Merge { get; set; } = new();
}
