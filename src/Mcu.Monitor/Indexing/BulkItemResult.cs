namespace Mcu.Monitor.Indexing;

/// <summary>
/// The outcome of one document. <paramref name="Error"/> is the status and Elasticsearch error type only
/// (<c>HTTP 400 mapper_parsing_exception</c>): an error's reason can quote the document, which is personal data.
/// </summary>
public sealed record BulkItemResult(string DocType, string DocId, long Version, BulkOutcome Outcome, string? Error);
