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

    /// <summary>Posts to skip before the first one listed (a page's start), at least 0; ignored with <see cref="GroupBy"/>.</summary>
    public int Offset { get; init; }

    /// <summary>
    /// Count the matching posts of a list only up to this many (<see cref="QueryResult.TotalIsLowerBound"/> then says
    /// «at least»), so a page of a broad filter does not pay for counting a million rows; null counts them all. A total
    /// known without counting (the last page, or on SQLite the words alone) is given exactly. Counts by a field
    /// (<see cref="GroupBy"/>) are always exact.
    /// </summary>
    public int? CountUpTo { get; init; } = DefaultCountUpTo;

    /// <summary>The default of <see cref="CountUpTo"/>: «10 000+» is as much as a person reads from a count.</summary>
    public const int DefaultCountUpTo = 10_000;

    public static readonly IReadOnlyList<string> GroupFields = ["sector", "risk", "locality", "network", "recipient", "source", "day", "appeal"];
}
