namespace Mcu.Monitor.Observability;

/// <summary>What the store holds at one moment, for the gauges of <see cref="MonitorMetrics"/>; all of one municipality.</summary>
/// <param name="AlertOutboxPending">Alerts not delivered yet (due now, waiting for a retry, or being sent).</param>
/// <param name="IndexOutboxPending">Search index changes neither indexed nor given up on.</param>
/// <param name="IndexOutboxDead">Search index changes given up on after their last attempt.</param>
/// <param name="IncidentsOpen">Incidents in an open status (<see cref="Incidents.IncidentLifecycle.IsOpen"/>).</param>
/// <param name="IncidentsOverdue">Open incidents past the reaction deadline with no reaction yet, or past the answer deadline.</param>
public sealed record StoreGauges(
    long AlertOutboxPending,
    long IndexOutboxPending,
    long IndexOutboxDead,
    long IncidentsOpen,
    long IncidentsOverdue);
