namespace Mcu.Monitor.Indexing;

/// <summary>What one indexer round did with the outbox rows it loaded.</summary>
public sealed record IndexingRound(int Rows, int Indexed, int Retried, int Dead)
{
    public static readonly IndexingRound Empty = new(0, 0, 0, 0);
}
