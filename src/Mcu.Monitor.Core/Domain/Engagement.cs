namespace Mcu.Monitor.Domain;

/// <summary>Counters as the network reported them when the post was read.</summary>
public sealed record Engagement(int Likes, int Comments, int Reposts, int Views)
{
    public static readonly Engagement None = new(0, 0, 0, 0);
}
