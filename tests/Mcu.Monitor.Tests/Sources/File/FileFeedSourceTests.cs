using Mcu.Monitor.Sources.File;
using System.Text;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Mcu.Monitor.Tests.Sources.File.FeedLines;

namespace Mcu.Monitor.Tests.Sources.File;

public class FileFeedSourceTests
{
    [Fact]
    public async Task ReadAsync_MalformedLines_ReportedWithTheirLineNumbersAndSkipped()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            Record("1"),
            """{"network":"vk","owner":"-1","id":""",
            """[{"network":"vk","owner":"-1","id":"3","published_at":"2026-11-13T08:40:00+03:00"}]""",
            """{"owner":"-1","id":"4","published_at":"2026-11-13T08:40:00+03:00"}""",
            """{"network":"vk","id":"5","published_at":"2026-11-13T08:40:00+03:00"}""",
            """{"network":"vk","owner":"-1","published_at":"2026-11-13T08:40:00+03:00"}""",
            """{"network":"vk","owner":"-1","id":"7"}""",
            Record("8", kind: "story"),
            Record("9", kind: "comment"),
            "",
            Record("11"));
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(11, items.Count);
        Assert.Equal(["1", "11"], items.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        Assert.All(items.Skip(1).Take(9), i => Assert.Null(i.Post));
        Assert.Equal([2L, 3, 4, 5, 6, 7, 8, 9, 10], source.Problems.Select(p => p.Line));
        Assert.All(source.Problems, p => Assert.True(p.Skipped));
        Assert.Equal(9, source.SkippedLines);
        Assert.StartsWith("invalid JSON", source.Problems[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON", source.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal("missing \"network\"", source.Problems[2].Reason);
        Assert.Contains("\"owner\"", source.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("\"id\"", source.Problems[4].Reason, StringComparison.Ordinal);
        Assert.Contains("\"published_at\"", source.Problems[5].Reason, StringComparison.Ordinal);
        Assert.Contains("\"kind\"", source.Problems[6].Reason, StringComparison.Ordinal);
        Assert.Contains("\"parent_id\"", source.Problems[7].Reason, StringComparison.Ordinal);
        Assert.Equal("empty line", source.Problems[8].Reason);
    }

    [Theory]
    [InlineData("""{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00",}""", "invalid JSON")]
    [InlineData("""not json at all""", "invalid JSON")]
    [InlineData("""["vk","-1","2"]""", "invalid JSON")]
    [InlineData("""null""", "JSON null")]
    [InlineData("""{"network":"facebook","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00"}""", "\"network\" must be")]
    [InlineData("""{"network":"vk","owner":"   ","id":"2","published_at":"2026-11-13T08:40:00+03:00"}""", "\"owner\"")]
    [InlineData("""{"network":"vk","owner":"a:b","id":"2","published_at":"2026-11-13T08:40:00+03:00"}""", "\"owner\"")]
    [InlineData("""{"network":"vk","owner":"-1","id":"2:3","published_at":"2026-11-13T08:40:00+03:00"}""", "\"id\"")]
    [InlineData("""{"network":"vk","owner":"-1","id":"2","published_at":"вчера"}""", "\"published_at\"")]
    [InlineData("""{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00","kind":"comment","parent_id":"  "}""", "\"parent_id\"")]
    [InlineData("""{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00","id_extra":1,"likes":"many"}""", "invalid JSON")]
    [InlineData("""{"network":"vk","owner":{"x":1},"id":"2","published_at":"2026-11-13T08:40:00+03:00"}""", "invalid JSON")]
    [InlineData("   \t ", "empty line")]
    public async Task ReadAsync_MalformedLineBetweenGoodOnes_ReportedAsSkippedLine2(string badLine, string reason)
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1"), badLine, Record("3"));
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.Equal("1", items[0].Post?.Key.Item);
        Assert.Null(items[1].Post);
        Assert.Equal("3", items[2].Post?.Key.Item);
        var problem = Assert.Single(source.Problems);
        Assert.Equal(2, problem.Line);
        Assert.True(problem.Skipped);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1, source.SkippedLines);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InText_KeepsPostWithReplacementCharacterAndReportsRepair()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Record("1") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00","text":"Нет """));
        bytes.AddRange([0xFF, 0xC3]);
        bytes.AddRange(Encoding.UTF8.GetBytes(" воды\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Record("3") + "\n"));
        await System.IO.File.WriteAllBytesAsync(path, [.. bytes]);
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Post));
        var text = items[1].Post!.Text;
        Assert.StartsWith("Нет ", text, StringComparison.Ordinal);
        Assert.EndsWith(" воды", text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', text);
        var problem = Assert.Single(source.Problems);
        Assert.Equal(2, problem.Line);
        Assert.False(problem.Skipped);
        Assert.Contains("UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, source.SkippedLines);
    }

    [Fact]
    public async Task ReadAsync_OneMegabyteText_ReadWhole()
    {
        using var temp = new TempDirectory();
        var text = string.Concat(Enumerable.Repeat("Нет воды третий день! ", 50_000)); // > 1 MB of UTF-8
        Assert.True(Encoding.UTF8.GetByteCount(text) > 1 << 20);
        var path = Write(temp, Record("1"), Record("2", text), Record("3"));
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.Equal(text, items[1].Post?.Text);
        Assert.Equal("3", items[2].Post?.Key.Item);
        Assert.Empty(source.Problems);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(300_000)] // spans several read buffers
    public async Task ReadAsync_LineLongerThanMaxLineBytes_SkippedAndReportedAndNextLineRead(int textLength)
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1"), Record("2", new string('x', textLength)), Record("3"));
        var source = Source(path, configure: o => o.MaxLineBytes = 4096);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.Equal("1", items[0].Post?.Key.Item);
        Assert.Null(items[1].Post);
        Assert.Equal("3", items[2].Post?.Key.Item);
        var problem = Assert.Single(source.Problems);
        Assert.Equal(2, problem.Line);
        Assert.True(problem.Skipped);
        Assert.Contains("4096", problem.Reason, StringComparison.Ordinal);

        var resumed = await ReadAll(Source(path, configure: o => o.MaxLineBytes = 4096), items[1].Cursor);
        Assert.Equal("3", Assert.Single(resumed).Post?.Key.Item);
    }

    [Fact]
    public async Task ReadAsync_ControlCharactersInText_SurviveParsing()
    {
        using var temp = new TempDirectory();
        const string text = "Нет\u0001 воды\u0000\r\nтретий\tдень\u001B\u007F";
        var path = Write(temp, Record("1", text));

        var items = await ReadAll(Source(path));

        Assert.Equal(text, Assert.Single(items).Post?.Text);
    }

    [Fact]
    public async Task ReadAsync_EmojiOnlyText_ParsesIntoPost()
    {
        using var temp = new TempDirectory();
        const string text = "😡👨‍👩‍👧👍🏽";
        var path = Write(temp, Record("1", text));
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(text, Assert.Single(items).Post?.Text);
        Assert.Empty(source.Problems);
    }

    [Fact]
    public async Task ReadAsync_EmptyNullOrAbsentText_ParsesIntoPostsWithEmptyText()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            Record("1", text: ""),
            Record("2", text: null),
            """{"network":"vk","owner":"-1","id":"3","published_at":"2026-11-13T08:40:00+03:00","text":null}""");
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("", i.Post?.Text));
        Assert.Empty(source.Problems);
    }

    [Fact]
    public async Task ReadAsync_IdsAsJsonNumbers_BecomeStrings()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            """{"network":"vk","owner":-201234567,"id":1543,"author":42,"kind":"comment","parent_id":1500,"published_at":"2026-11-13T08:40:00+03:00"}""");

        var post = Assert.Single(await ReadAll(Source(path))).Post;

        Assert.NotNull(post);
        Assert.Equal(new PostKey(Network.Vk, "-201234567", "1543"), post.Key);
        Assert.Equal(new PostKey(Network.Vk, "-201234567", "1500"), post.ParentKey);
        Assert.Equal("42", post.AuthorId);
    }

    [Fact]
    public async Task ReadAsync_NegativeCounters_BecomeZero()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            """{"network":"vk","owner":"-1","id":"1","published_at":"2026-11-13T08:40:00+03:00","likes":-5,"comments":-1,"reposts":-100,"views":-7}""",
            """{"network":"vk","owner":"-1","id":"2","published_at":"2026-11-13T08:40:00+03:00","likes":5,"comments":3,"reposts":2,"views":99999999999}""");

        var items = await ReadAll(Source(path));

        Assert.Equal(new Engagement(0, 0, 0, 0), items[0].Post?.Engagement);
        Assert.Equal(new Engagement(5, 3, 2, int.MaxValue), items[1].Post?.Engagement);
    }

    [Fact]
    public async Task ReadAsync_Utf8BomAtStartOfFile_Ignored()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        System.IO.File.WriteAllText(path, Record("1") + "\n" + Record("2") + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, (await System.IO.File.ReadAllBytesAsync(path))[0]);
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(["1", "2"], items.Select(i => i.Post?.Key.Item));
        Assert.Empty(source.Problems);
    }

    [Fact]
    public async Task ReadAsync_CrLfLineEndings_ParsedWithCorrectLineNumbers()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Record("1", "Первая\nстрока") + "\r\n{broken\r\n" + Record("3") + "\r\n");
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(3, items.Count);
        Assert.Equal("Первая\nстрока", items[0].Post?.Text);
        Assert.Equal("3", items[2].Post?.Key.Item);
        Assert.Equal(2, Assert.Single(source.Problems).Line);
        var cursor = FileCursor.Parse(items[2].Cursor)!;
        Assert.Equal((new FileInfo(path).Length, 3L), (cursor.Offset, cursor.Line));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task ReadAsync_ResumedFromCursorOfItemN_YieldsExactlyTheRemainingItems(int n)
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1"), Record("2"), "{broken", Record("4"), "[]");
        var all = await ReadAll(Source(path));
        Assert.Equal(5, all.Count);

        var first = await ReadAll(Source(path), take: n);
        var source = Source(path); // a restart: a new source instance
        var rest = await ReadAll(source, first[^1].Cursor);

        Assert.Equal(5 - n, rest.Count);
        Assert.Equal(all.Skip(n).Select(i => (i.Post?.Key, i.Cursor)), rest.Select(i => (i.Post?.Key, i.Cursor)));
        long[] expectedProblemLines = [.. new long[] { 3, 5 }.Where(line => line > n)];
        Assert.Equal(expectedProblemLines, source.Problems.Select(p => p.Line));
    }

    [Fact]
    public async Task ReadAsync_ResumedOnSameInstance_ProblemsHoldOnlyTheLastRead()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, "{broken", Record("2"), Record("3"));
        var source = Source(path);

        var first = await ReadAll(source, take: 2);
        Assert.Equal(1, Assert.Single(source.Problems).Line);
        var rest = await ReadAll(source, first[^1].Cursor);

        Assert.Equal("3", Assert.Single(rest).Post?.Key.Item);
        Assert.Empty(source.Problems);
        Assert.Equal(0, source.SkippedLines);
    }

    [Fact]
    public async Task ReadAsync_IncompleteLastLineWithoutNewline_NotYieldedAndCursorNotMovedPastIt()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        var complete = Record("2");
        var half = complete.Length / 2;
        await System.IO.File.WriteAllTextAsync(path, Record("1") + "\n" + complete[..half]);
        var logger = new CollectingLogger();
        var source = Source(path, logger: logger);

        var items = await ReadAll(source);

        var only = Assert.Single(items);
        Assert.Equal("1", only.Post?.Key.Item);
        Assert.Empty(source.Problems);
        Assert.Equal(0, source.SkippedLines);
        Assert.Contains(logger.Lines, l => l.EventId == 2002 && l.Message.Contains("line 2", StringComparison.Ordinal));

        // The writer finishes the line: the next read from the cursor gets it, as line 2.
        await System.IO.File.AppendAllTextAsync(path, complete[half..] + "\n" + "{broken\n");
        var next = await ReadAll(source, only.Cursor);

        Assert.Equal(2, next.Count);
        Assert.Equal("2", next[0].Post?.Key.Item);
        Assert.Equal(3, Assert.Single(source.Problems).Line);
    }

    [Fact]
    public async Task ReadAsync_CompleteLastLineWithoutNewline_Yielded()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Record("1") + "\n" + Record("2"));
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.Equal(["1", "2"], items.Select(i => i.Post?.Key.Item));
        var cursor = FileCursor.Parse(items[1].Cursor)!;
        Assert.Equal((new FileInfo(path).Length, 2L, true), (cursor.Offset, cursor.Line, cursor.Open));
        Assert.Empty(source.Problems);
        Assert.Empty(await ReadAll(Source(path), items[1].Cursor));
    }

    [Fact]
    public async Task ReadAsync_CursorBeyondFileLength_RestartsFromTheBeginning()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1"), Record("2"), Record("3"), Record("4"), Record("5"));
        var old = await ReadAll(Source(path));
        System.IO.File.Delete(path);
        Write(temp, Record("a"), "{broken", Record("c"));
        var logger = new CollectingLogger();
        var source = Source(path, logger: logger);

        var items = await ReadAll(source, old[^1].Cursor);

        Assert.Equal(3, items.Count);
        Assert.Equal("a", items[0].Post?.Key.Item);
        Assert.Equal("c", items[2].Post?.Key.Item);
        Assert.Equal(2, Assert.Single(source.Problems).Line);
        Assert.Equal(3L, FileCursor.Parse(items[2].Cursor)!.Line);
        Assert.Contains(logger.Lines, l => l.EventId == 2003);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    public async Task ReadAsync_MissingOrUnreadableCursor_ReadsFromTheBeginning(string? cursor)
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1"), Record("2"));

        var items = await ReadAll(Source(path), cursor);

        Assert.Equal(["1", "2"], items.Select(i => i.Post?.Key.Item));
    }

    [Fact]
    public async Task ReadAsync_ShiftTimestampsToNow_NewestIsNowAndSpacingKept()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            Record("1", publishedAt: "2026-11-13T06:40:00+03:00"),
            Record("2", publishedAt: "2026-11-13T08:40:00+03:00"), // the newest, not last
            Record("3", publishedAt: "2026-11-13T08:10:00+03:00"),
            "{broken");
        var now = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var source = Source(path, time, configure: o => o.ShiftTimestampsToNow = true);

        var posts = (await ReadAll(source)).Where(i => i.Post is not null).Select(i => i.Post!).ToList();

        Assert.Equal(3, posts.Count);
        Assert.Equal(now, posts[1].PublishedAt);
        Assert.Equal(now - TimeSpan.FromHours(2), posts[0].PublishedAt);
        Assert.Equal(now - TimeSpan.FromMinutes(30), posts[2].PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_WithoutShift_KeepsPublishedAtAsWritten()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, Record("1", publishedAt: "2026-11-13T08:40:00+03:00"), Record("2", publishedAt: "2026-11-13T05:40:00Z"));
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var posts = (await ReadAll(Source(path, time))).Select(i => i.Post!).ToList();

        Assert.Equal(new DateTimeOffset(2026, 11, 13, 8, 40, 0, TimeSpan.FromHours(3)), posts[0].PublishedAt);
        Assert.Equal(TimeSpan.FromHours(3), posts[0].PublishedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 5, 40, 0, TimeSpan.Zero), posts[1].PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_Comment_GetsParentKeyOnSameNetworkAndOwner()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            Record("77", network: "ok", owner: "555"),
            Record("78", network: "ok", owner: "555", kind: "Comment", parentId: "77"));

        var items = await ReadAll(Source(path));

        var post = items[0].Post!;
        var comment = items[1].Post!;
        Assert.Equal(PostKind.Post, post.Kind);
        Assert.Null(post.ParentKey);
        Assert.Equal(PostKind.Comment, comment.Kind);
        Assert.Equal(new PostKey(Network.Ok, "555", "78"), comment.Key);
        Assert.Equal(post.Key, comment.ParentKey);
    }

    [Theory]
    [InlineData("vk:-1:2", true)]
    [InlineData("garbage", false)]
    [InlineData("fb:-1:2", false)]
    [InlineData("vk:-1", false)]
    public async Task ReadAsync_RepostOf_ParsesToPostKeyWhenWellFormed(string repostOf, bool parsed)
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $$"""{"network":"telegram","owner":"chan","id":"9","published_at":"2026-11-13T08:40:00+03:00","repost_of":"{{repostOf}}"}""");

        var post = Assert.Single(await ReadAll(Source(path))).Post;

        Assert.NotNull(post);
        Assert.Equal(parsed ? new PostKey(Network.Vk, "-1", "2") : null, post.RepostOf);
    }

    [Fact]
    public async Task ReadAsync_GoodLine_FillsSourceMunicipalityAndOptionalFields()
    {
        using var temp = new TempDirectory();
        var path = Write(
            temp,
            """{"network":" VK ","owner":" -1 ","id":" 2 ","author":"id5","author_name":"Иван","published_at":"2026-11-13T08:40:00+03:00","text":"Текст","url":"https://vk.com/wall-1_2","attachments":["photo1", null, " ", "video2"],"expected":{"sector":"zhkh"},"unknown":[1,2]}""");
        var source = Source(path);

        var post = Assert.Single(await ReadAll(source)).Post;

        Assert.NotNull(post);
        Assert.Equal("file:t", source.Id);
        Assert.Equal("file:t", post.SourceId);
        Assert.Equal(Municipality, post.Municipality);
        Assert.Equal(new PostKey(Network.Vk, "-1", "2"), post.Key);
        Assert.Equal("id5", post.AuthorId);
        Assert.Equal("Иван", post.AuthorName);
        Assert.Equal("https://vk.com/wall-1_2", post.Url);
        Assert.Equal(["photo1", "video2"], post.Attachments);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsFileNotFound()
    {
        using var temp = new TempDirectory();
        var source = Source(temp.File("absent.jsonl"));

        await Assert.ThrowsAsync<FileNotFoundException>(() => ReadAll(source));
    }

    [Fact]
    public async Task ReadAsync_ProblemLines_LoggedWithLineNumbersButNeverTheirText()
    {
        using var temp = new TempDirectory();
        const string secret = "Иванов Пётр Сергеевич, ул. Ленина 5";
        var path = temp.File("feed.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Record("1", secret) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($$"""{"network":"vk","owner":"-1","id":"2","text":"{{secret}}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($$"""{"network":"vk","owner":"-1","id":"3","published_at":"2026-11-13T08:40:00+03:00","text":"{{secret}} """));
        bytes.AddRange([0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($$"""{"network":"vk","owner":"-1","id":"4","published_at":"2026-11-13T08:40:00+03:00","text":{{secret}}}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($$"""{"network":"vk","owner":"-1","id":"5","kind":"comment","published_at":"2026-11-13T08:40:00+03:00","text":"{{secret}}"}""" + "\n"));
        await System.IO.File.WriteAllBytesAsync(path, [.. bytes]);
        var logger = new CollectingLogger();
        var source = Source(path, logger: logger);

        var items = await ReadAll(source);

        Assert.Equal(5, items.Count);
        Assert.Equal([2L, 3, 4, 5], source.Problems.Select(p => p.Line));
        Assert.Equal(4, logger.Lines.Count);
        Assert.All(logger.Lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        foreach (var line in new[] { 2, 3, 4, 5 })
        {
            Assert.Contains(logger.Messages, m => m.Contains($"line {line} ", StringComparison.Ordinal));
        }

        foreach (var fragment in secret.Split(' ', ',', '.'))
        {
            if (fragment.Length > 1)
            {
                Assert.False(logger.Contains(fragment), $"a log line contains «{fragment}» from the post text");
            }
        }

        Assert.All(source.Problems, p => Assert.DoesNotContain("Иванов", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ShippedSampleFeed_EveryLineYieldsAPostWithoutProblems()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SampleFeed", "sample-feed.jsonl");
        var lineCount = (await System.IO.File.ReadAllLinesAsync(path)).Count(l => l.Length > 0);
        var source = Source(path);

        var items = await ReadAll(source);

        Assert.True(lineCount > 0);
        Assert.Equal(lineCount, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Post));
        Assert.Empty(source.Problems);
        Assert.Equal(0, source.SkippedLines);
        Assert.Equal(lineCount, items.Select(i => i.Post!.Key).Distinct().Count());
        Assert.All(items.Where(i => i.Post!.Kind == PostKind.Comment), i => Assert.NotNull(i.Post!.ParentKey));
    }

    [Fact]
    public async Task ReadAsync_ShippedSampleFeedShiftedToNow_NewestPostIsNow()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SampleFeed", "sample-feed.jsonl");
        var now = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var source = Source(path, new FakeTimeProvider(now), configure: o => o.ShiftTimestampsToNow = true);

        var items = await ReadAll(source);

        Assert.Empty(source.Problems);
        Assert.Equal(now, items.Max(i => i.Post!.PublishedAt));
    }
}
