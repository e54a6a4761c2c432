namespace Mcu.Monitor.Domain;

/// <summary>Counters as the network reported them when the post was read.</summary>
public sealed record Engagement(int Likes, int Comments, int Reposts, int Views)
{
    /// <summary>How long after publication the counters were read, when known: the risk uses reactions per hour.</summary>
    public TimeSpan? Age { get; init; }

    public static readonly Engagement None = new(0, 0, 0, 0);
}
