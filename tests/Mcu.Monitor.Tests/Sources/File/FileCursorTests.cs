using Mcu.Monitor.Sources.File;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Mcu.Monitor.Tests.Sources.File.FeedLines;

namespace Mcu.Monitor.Tests.Sources.File;

/// <summary>Resuming a file source safely: appended lines, replaced files, a fixed demo shift.</summary>
public class FileCursorTests
{
    [Fact]
    public async Task ReadAsync_LastLineOpenThenWriterAddsLineBreakAndMore_NoFalseSkipAndTrueLineNumbers()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Record("1") + "\n" + Record("2"));
        var first = await ReadAll(Source(path));

        await System.IO.File.AppendAllTextAsync(path, "\n" + Record("3") + "\n{broken\n");
        var source = Source(path);
        var next = await ReadAll(source, first[^1].Cursor);

        Assert.Equal(["3", null], next.Select(i => i.Post?.Key.Item));
        var problem = Assert.Single(source.Problems);
        Assert.Equal(4, problem.Line); // not 5: the appended line break closed line 2, it is not an empty line 3
    }

    [Fact]
    public async Task ReadAsync_FileReplacedByALongerOne_ReadFromTheStartAndNothingLost()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, [.. Enumerable.Range(1, 50).Select(i => Record($"old{i}"))]);
        var first = await ReadAll(Source(path));

        Write(temp, [.. Enumerable.Range(1, 100).Select(i => Record($"new{i}"))]); // tomorrow's export, same path
        var source = Source(path);
        var next = await ReadAll(source, first[^1].Cursor);

        Assert.Equal(100, next.Count(i => i.Post is not null));
        Assert.Empty(source.Problems);
    }

    [Fact]
    public async Task ReadAsync_FileThatOnlyGrew_ResumesAfterTheCursor()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, [.. Enumerable.Range(1, 60).Select(i => Record($"{i}"))]); // more than 4 KiB
        var first = await ReadAll(Source(path));
        await System.IO.File.AppendAllTextAsync(path, Record("61") + "\n");

        var next = await ReadAll(Source(path), first[^1].Cursor);

        Assert.Equal("61", Assert.Single(next).Post?.Key.Item);
    }

    [Fact]
    public async Task ReadAsync_OneTimestampFarInTheFuture_DoesNotBreakTheDemoShift()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1", publishedAt: "2026-11-20T10:00:00+03:00"), Record("2", publishedAt: "9999-12-31T00:00:00Z"), Record("3", publishedAt: "2026-11-21T10:00:00+03:00"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var source = Source(path, time, configure: o => o.ShiftTimestampsToNow = true);

        var items = await ReadAll(source);

        Assert.Equal(time.GetUtcNow(), items[2].Post!.PublishedAt);
        Assert.Null(items[1].Post);
        Assert.Contains("out of range", Assert.Single(source.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DemoShift_FixedAtFirstReadAndKeptAfterRestart()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1", publishedAt: "2026-11-20T10:00:00Z"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var first = await ReadAll(Source(path, time, configure: o => o.ShiftTimestampsToNow = true));
        await System.IO.File.AppendAllTextAsync(path, Record("2", publishedAt: "2026-11-20T11:00:00Z") + "\n");

        time.Advance(TimeSpan.FromDays(3)); // a later run must not move the feed again
        var next = await ReadAll(Source(path, time, configure: o => o.ShiftTimestampsToNow = true), first[^1].Cursor);

        Assert.Equal(first[0].Post!.PublishedAt.AddHours(1), next[0].Post!.PublishedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("12:3")]
    [InlineData("""{"offset":-5,"line":1,"head":"x"}""")]
    public void Parse_UnreadableCursor_IsNull(string? value) => Assert.Null(FileCursor.Parse(value));
}
