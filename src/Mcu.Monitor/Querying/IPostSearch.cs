namespace Mcu.Monitor.Querying;

/// <summary>Answers <see cref="PostQuery"/>: from SQLite (FTS5) on the embedded default, from Elasticsearch when configured.</summary>
public interface IPostSearch
{
    /// <summary>Which store answers, shown with the result.</summary>
    string Backend { get; }

    Task<QueryResult> SearchAsync(PostQuery query, CancellationToken cancellationToken);
}
