namespace Mcu.Monitor.Storage;

public sealed record StoreCounts(long Posts, long Incidents, long Alerts, long AlertsPending);
