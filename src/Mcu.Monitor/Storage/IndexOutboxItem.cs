namespace Mcu.Monitor.Storage;

/// <summary>A row of the index outbox: which document changed. Its id is the document's version.</summary>
public sealed record IndexOutboxItem(long Id, string DocType, string DocId, int Attempts);
