using Mcu.Monitor.Pipeline;

namespace Mcu.Monitor.Sources;

/// <summary>One source's run: what it did, or the error that stopped it.</summary>
public sealed record SourceRunResult(string SourceId, IngestSummary Summary, string? Error);
