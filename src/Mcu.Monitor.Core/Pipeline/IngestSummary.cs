namespace Mcu.Monitor.Pipeline;

/// <summary>What a run of the pipeline did, added up over its batches.</summary>
public sealed class IngestSummary
{
    public int Read { get; set; }

    public int Stored { get; set; }

    public int Duplicates { get; set; }

    /// <summary>Stored posts whose text changed: updated in place, the old text kept in their history.</summary>
    public int Edited { get; set; }

    public int Skipped { get; set; }

    public int IncidentsOpened { get; set; }

    /// <summary>Appeals that joined an open incident about the same problem instead of opening one.</summary>
    public int Merged { get; set; }

    public int AlertsQueued { get; set; }

    public SortedDictionary<string, int> StoredBySector { get; } = new(StringComparer.Ordinal);

    public void Add(CommitResult result)
    {
        Stored += result.PostsStored;
        Duplicates += result.Duplicates;
        Edited += result.Edited;
        Merged += result.Merged;
        IncidentsOpened += result.IncidentsOpened;
        AlertsQueued += result.AlertsQueued;
        foreach (var (sector, count) in result.StoredBySector)
        {
            StoredBySector[sector] = StoredBySector.GetValueOrDefault(sector) + count;
        }
    }

    public void Add(IngestSummary other)
    {
        Read += other.Read;
        Skipped += other.Skipped;
        Add(new CommitResult(other.Stored, other.Duplicates, other.StoredBySector, other.IncidentsOpened, other.AlertsQueued, other.Edited, other.Merged));
    }
}
