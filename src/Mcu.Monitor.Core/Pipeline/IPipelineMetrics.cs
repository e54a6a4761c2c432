namespace Mcu.Monitor.Pipeline;

/// <summary>
/// What the pipeline reports while it runs, for the worker's Prometheus metrics (issue #8). The core only declares
/// it: the counters live beside the web console in the host project. Called from the pipeline's stage tasks, once per
/// post, so an implementation must be thread-safe, allocation-free and cheap.
/// </summary>
public interface IPipelineMetrics
{
    /// <summary>Posts read from the source (skipped lines are not posts; duplicates are).</summary>
    void PostsRead(string sourceId, int count);

    /// <summary>New posts committed to the store (edits of stored posts and duplicates are not counted).</summary>
    void PostsStored(string sourceId, int count);

    /// <summary>How long classifying one post took.</summary>
    void Classified(TimeSpan elapsed);
}
