namespace Mcu.Monitor.Indexing;

/// <summary>
/// What <c>index rebuild</c> did: documents written, documents the index already held at their version,
/// documents refused for good (mapping errors) and documents still failing after the retries.
/// </summary>
public sealed record IndexRebuildResult(int Posts, int Incidents, int AlreadyCurrent, int Dead, int Failed);
