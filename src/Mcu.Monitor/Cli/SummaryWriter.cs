using Mcu.Monitor.Pipeline;

namespace Mcu.Monitor.Cli;

internal static class SummaryWriter
{
    public static async Task WriteAsync(TextWriter output, IngestSummary summary)
    {
        var sectors = summary.StoredBySector.Count == 0
            ? ""
            : " — " + string.Join(", ", summary.StoredBySector.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
        await output.WriteLineAsync($"Posts read: {summary.Read}, stored: {summary.Stored}, duplicates: {summary.Duplicates}, records skipped: {summary.Skipped}, edits stored: {summary.Edited}");
        await output.WriteLineAsync($"Stored by sector: {summary.Stored}{sectors}");
        await output.WriteLineAsync($"Incidents opened: {summary.IncidentsOpened}, appeals joined to open incidents: {summary.Merged}, alerts queued: {summary.AlertsQueued}");
    }
}
