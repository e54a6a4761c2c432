namespace Mcu.Monitor.Pipeline;

/// <summary>What one committed batch changed.</summary>
public sealed record CommitResult(
    int PostsStored,
    int Duplicates,
    IReadOnlyDictionary<string, int> StoredBySector,
    int IncidentsOpened,
    int AlertsQueued,
    int Edited = 0,
    int Merged = 0);
