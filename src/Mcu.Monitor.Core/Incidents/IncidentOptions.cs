namespace Mcu.Monitor.Incidents;

/// <summary>When appeals open incidents and how long recipients have (section <c>Incidents</c>).</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Appeals in comments open incidents too. Default true.</summary>
    public bool OpenForComments { get; set; } = true;

    public DeadlineOptions Deadlines { get; set; } = new();

    /// <summary>How often the worker looks for due reminders and escalations. Default 1 minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IncidentMergeOptions Merge { get; set; } = new();
}
