namespace Mcu.Monitor.Sources.File;

/// <summary>
/// One line of a JSONL file: its 1-based number, its bytes without the line break, and the file offset just
/// past it. <see cref="TooLong"/> lines carry no bytes. <see cref="Terminated"/> is false for a last line
/// with no line break, which may still be being written.
/// </summary>
internal readonly record struct JsonlLine(long Number, ReadOnlyMemory<byte> Bytes, long EndOffset, bool TooLong, bool Terminated);
