namespace Mcu.Monitor.Indexing;

/// <summary>What became of one document of a bulk request (ELASTIC.md §3.3).</summary>
public enum BulkOutcome
{
    /// <summary>Written (201/200).</summary>
    Indexed,

    /// <summary>409: the index already holds this version or a newer one; nothing left to do.</summary>
    AlreadyCurrent,

    /// <summary>429, 5xx, a refused connection, a failed request: send it again later.</summary>
    Retry,

    /// <summary>The index refuses the document for good (a mapping or parsing error): dead-letter it.</summary>
    Dead,
}
