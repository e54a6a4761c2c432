namespace Mcu.Monitor.Querying;

/// <summary>What the analytics lead asks of stored posts: full text plus filters, and optionally counts by a field.</summary>
public sealed record PostQuery
{
    /// <summary>Words to find; Russian word forms match («вода» finds «воды»).</summary>
    public string? Text { get; init; }

    public string? Sector { get; init; }

    /// <summary>Only posts at or above this risk level.</summary>
    public string? MinRisk { get; init; }

    public string? Locality { get; init; }

    public string? Network { get; init; }

    public string? Recipient { get; init; }

    public bool? Appeal { get; init; }

    /// <summary>Published at or after (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Published before (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Counts grouped by one of <see cref="GroupFields"/>; null lists posts instead.</summary>
    public string? GroupBy { get; init; }

    public int Limit { get; init; } = 20;

    public static readonly IReadOnlyList<string> GroupFields = ["sector", "risk", "locality", "network", "recipient", "source", "day", "appeal"];
}
