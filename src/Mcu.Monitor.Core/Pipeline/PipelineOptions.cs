using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Pipeline;

/// <summary>Throughput knobs of the ingest pipeline (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// Capacity of each bounded channel between stages; a full channel makes the reader wait. Default 4000: a whole batch,
    /// so classification goes on with the next batch while the store commits one (8000 was no faster and held 30-40 MB more).
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChannelCapacity { get; set; } = 4000;

    /// <summary>
    /// Most posts committed in one transaction. Default 4000: each commit writes the index pages it touched to the WAL and
    /// checkpoints them, and a larger batch shares those pages among more posts (issue #2: about 10% less work for the
    /// store than at 1000). A kill loses nothing either way: the uncommitted batch is read again from the cursor.
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 4000;

    /// <summary>Longest a partial batch waits for more posts before it is committed. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
