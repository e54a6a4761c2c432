namespace Mcu.Monitor.Sources;

/// <summary>A configured place posts are read from: a community, a channel, a search or a file.</summary>
public interface IPostSource
{
    string Id { get; }

    /// <summary>Reads what is new after <paramref name="cursor"/> (null: from the beginning), oldest first.</summary>
    IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, CancellationToken cancellationToken);
}
