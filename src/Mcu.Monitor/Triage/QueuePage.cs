namespace Mcu.Monitor.Triage;

/// <summary>One page of the triage queue and how many appeals await triage in all.</summary>
public sealed record QueuePage(long Total, IReadOnlyList<QueueItem> Items);
