using System.Buffers;

namespace Mcu.Monitor.Sources.File;

/// <summary>
/// Reads a JSONL file line by line from a byte offset, tracking the exact offset after each line so a
/// cursor can resume there. Lines are bytes, not strings: decoding and its errors belong to the parser.
/// </summary>
internal static class JsonlLineReader
{
    public static async IAsyncEnumerable<JsonlLine> ReadAsync(
        string path, long startOffset, long startLine, int maxLineBytes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        stream.Seek(startOffset, SeekOrigin.Begin);

        var buffer = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>(1024);
        var lineNumber = startLine;
        var offset = startOffset; // file offset of buffer[0]
        var tooLong = false;

        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                if (!tooLong)
                {
                    if (line.WrittenCount + (end - start) > maxLineBytes)
                    {
                        tooLong = true;
                        line.Clear();
                    }
                    else
                    {
                        line.Write(buffer.AsSpan(start, end - start));
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                lineNumber++;
                yield return MakeLine(lineNumber, line, offset + newline + 1, tooLong, terminated: true);
                line = new ArrayBufferWriter<byte>(1024);
                tooLong = false;
                start = newline + 1;
            }

            offset += read;
        }

        if (line.WrittenCount > 0 || tooLong)
        {
            lineNumber++;
            yield return MakeLine(lineNumber, line, offset, tooLong, terminated: false);
        }
    }

    private static JsonlLine MakeLine(long number, ArrayBufferWriter<byte> line, long endOffset, bool tooLong, bool terminated)
    {
        var bytes = line.WrittenMemory;
        if (bytes.Length > 0 && bytes.Span[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new JsonlLine(number, tooLong ? ReadOnlyMemory<byte>.Empty : bytes, endOffset, tooLong, terminated);
    }
}
