using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Pipeline;

/// <summary>Throughput knobs of the ingest pipeline (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Capacity of each bounded channel between stages; a full channel makes the reader wait. Default 2000.</summary>
    [Range(1, 1_000_000)]
    public int ChannelCapacity { get; set; } = 2000;

    /// <summary>Most posts committed in one transaction. Default 1000.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Longest a partial batch waits for more posts before it is committed. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
