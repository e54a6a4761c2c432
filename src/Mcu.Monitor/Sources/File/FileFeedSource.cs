using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.File;

/// <summary>
/// A JSONL file as a source (README, «Feed format»): one post or comment a line, read from the committed
/// byte offset on. A malformed line is reported with its number and skipped; the cursor moves past it so
/// it is reported once. A last line without a line break that does not parse is left for the next read,
/// because a writer may still be appending it; one that parses is read, and the cursor remembers it was open.
/// </summary>
public sealed class FileFeedSource(
    FileSourceOptions options,
    string resolvedPath,
    string municipality,
    TimeProvider time,
    ILogger logger) : IPostSource
{
    private const int MaxProblemsKept = 1000;
    private readonly List<FeedProblem> _problems = [];

    public string Id { get; } = "file:" + options.Id;

    public string FilePath => resolvedPath;

    /// <summary>Lines that were skipped or repaired in the last read (the first 1000).</summary>
    public IReadOnlyList<FeedProblem> Problems => _problems;

    /// <summary>Lines skipped in the last read, all of them.</summary>
    public int SkippedLines { get; private set; }

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _problems.Clear();
        SkippedLines = 0;
        if (!System.IO.File.Exists(resolvedPath))
        {
            throw new FileNotFoundException($"Source {Id}: file not found: {resolvedPath}", resolvedPath);
        }

        var start = FileCursor.Parse(cursor);
        if (start is not null && (start.Offset > new FileInfo(resolvedPath).Length || FileCursor.HeadOf(resolvedPath, start.Offset) != start.Head))
        {
            // Another file stands at this path: read it from the start; deduplication keeps what is stored.
            FileSourceLog.FileReplaced(logger, Id);
            start = null;
        }

        var offset = start?.Offset ?? 0;
        var lineNumber = start?.Line ?? 0;
        if (start is { Open: true } && NextByte(offset) == (byte)'\n')
        {
            offset++; // the line break of a last line that was read before its writer finished it
        }

        var shift = start is not null ? TimeSpan.FromTicks(start.ShiftTicks)
            : options.ShiftTimestampsToNow ? await ComputeShiftAsync(cancellationToken)
            : TimeSpan.Zero;
        string? head = null;
        long headCovers = -1;

        await foreach (var line in JsonlLineReader.ReadAsync(resolvedPath, offset, lineNumber, options.MaxLineBytes, cancellationToken))
        {
            // The head covers at most the first 4 KiB, so it is recomputed only while the read part is shorter.
            if (Math.Min(line.EndOffset, FileCursor.HeadBytes) > headCovers)
            {
                head = FileCursor.HeadOf(resolvedPath, line.EndOffset);
                headCovers = Math.Min(line.EndOffset, FileCursor.HeadBytes);
            }

            var next = new FileCursor(line.EndOffset, line.Number, head!, Open: !line.Terminated, ShiftTicks: shift.Ticks).ToString();
            if (line.TooLong)
            {
                Report(line.Number, $"line longer than {options.MaxLineBytes} bytes", skipped: true);
                yield return new SourceItem(null, next);
                continue;
            }

            var outcome = FeedRecordParser.Parse(line.Bytes.Span, municipality, Id, shift);
            if (outcome.Post is null)
            {
                if (!line.Terminated)
                {
                    FileSourceLog.IncompleteLastLine(logger, Id, line.Number);
                    yield break;
                }

                Report(line.Number, outcome.Error!, skipped: true);
                yield return new SourceItem(null, next);
                continue;
            }

            if (outcome.Warning is not null)
            {
                Report(line.Number, outcome.Warning, skipped: false);
            }

            yield return new SourceItem(outcome.Post, next);
        }
    }

    /// <summary>
    /// The shift that makes the newest timestamp "now". Timestamps more than a day in the future are ignored:
    /// one wrong date must not push the whole feed out of range.
    /// </summary>
    private async Task<TimeSpan> ComputeShiftAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? newest = null;
        await foreach (var line in JsonlLineReader.ReadAsync(resolvedPath, 0, 0, options.MaxLineBytes, cancellationToken))
        {
            if (!line.TooLong && FeedRecordParser.PublishedAt(line.Bytes.Span) is { } at && at <= now.AddDays(1) && (newest is null || at > newest))
            {
                newest = at;
            }
        }

        return newest is null ? TimeSpan.Zero : now - newest.Value;
    }

    private int NextByte(long offset)
    {
        using var stream = new FileStream(resolvedPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(offset, SeekOrigin.Begin);
        return stream.ReadByte();
    }

    private void Report(long line, string reason, bool skipped)
    {
        if (skipped)
        {
            SkippedLines++;
            FileSourceLog.LineSkipped(logger, Id, line, reason);
        }
        else
        {
            FileSourceLog.LineRepaired(logger, Id, line, reason);
        }

        if (_problems.Count < MaxProblemsKept)
        {
            _problems.Add(new FeedProblem(line, reason, skipped));
        }
    }
}
