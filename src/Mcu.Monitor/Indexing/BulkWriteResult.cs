namespace Mcu.Monitor.Indexing;

/// <summary>One result per document sent; <paramref name="RequestError"/> is set when the whole request failed (then every item is <see cref="BulkOutcome.Retry"/>).</summary>
public sealed record BulkWriteResult(IReadOnlyList<BulkItemResult> Items, string? RequestError);
