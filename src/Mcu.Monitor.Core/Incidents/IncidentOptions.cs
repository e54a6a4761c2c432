namespace Mcu.Monitor.Incidents;

/// <summary>When appeals open incidents and how long recipients have (section <c>Incidents</c>).</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Appeals in comments open incidents too. Default true.</summary>
    public bool OpenForComments { get; set; } = true;

    public DeadlineOptions Deadlines { get; set; } = new();

    public IncidentMergeOptions Merge { get; set; } = new();
}
