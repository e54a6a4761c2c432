using System.Text;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class ImportCommandTests
{
    [Fact]
    public async Task Import_FileWithBadInput_ReportsLineNumbersSkipsBadLinesKeepsTheRest()
    {
        using var cli = new CliRunner();
        var path = cli.File("feed.jsonl");
        var good = """{"network":"vk","owner":"-1","id":"ID","published_at":"2026-11-20T10:00:00+03:00","text":"TEXT"}""";
        var lines = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(good.Replace("ID", "1", StringComparison.Ordinal).Replace("TEXT", "нет воды третий день", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes("{not json"),
            Encoding.UTF8.GetBytes(good.Replace("ID", "2", StringComparison.Ordinal).Replace("TEXT", "", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(good.Replace("ID", "3", StringComparison.Ordinal).Replace("TEXT", "😀😀", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(good.Replace("ID", "4", StringComparison.Ordinal).Replace("TEXT", "строка\\u0000с\\u0007управляющими\\u001bсимволами", StringComparison.Ordinal)),
            InvalidUtf8(good.Replace("ID", "5", StringComparison.Ordinal).Replace("TEXT", "битый XX", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes("""{"network":"myspace","owner":"-1","id":"6","published_at":"2026-11-20T10:00:00+03:00"}"""),
            Encoding.UTF8.GetBytes(good.Replace("ID", "7", StringComparison.Ordinal).Replace("TEXT", new string('я', 1_000_000), StringComparison.Ordinal)),
        };
        await File.WriteAllBytesAsync(path, lines.SelectMany(l => l.Append((byte)'\n')).ToArray());

        var result = await cli.RunAsync("import", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("feed.jsonl:2: skipped: invalid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:6: kept: invalid UTF-8", result.Error, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:7: skipped: \"network\" must be", result.Error, StringComparison.Ordinal);
        Assert.Contains("Posts read: 6, stored: 6, duplicates: 0, records skipped: 2", result.Output, StringComparison.Ordinal);

        using var store = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath}");
        store.Open();
        using var command = store.CreateCommand();
        command.CommandText = "SELECT text FROM posts WHERE key = 'vk:-1:4'";
        Assert.Equal("строкасуправляющимисимволами", command.ExecuteScalar());
        command.CommandText = "SELECT length(text) FROM posts WHERE key = 'vk:-1:7'";
        Assert.Equal(1_000_000L, command.ExecuteScalar());
        command.CommandText = "SELECT text FROM posts WHERE key = 'vk:-1:5'";
        Assert.Contains('\uFFFD', (string)command.ExecuteScalar()!);
    }

    /// <summary>Puts 0xC3 0x28 (an invalid UTF-8 sequence) where the text has "XX".</summary>
    private static byte[] InvalidUtf8(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var at = bytes.AsSpan().IndexOf("XX"u8);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondReadsNothingNew()
    {
        using var cli = new CliRunner();
        var path = cli.File("feed.jsonl");
        await File.WriteAllTextAsync(path, """{"network":"ok","owner":"55","id":"1","published_at":"2026-11-20T10:00:00+03:00","text":"яма на дороге"}""" + "\n");
        Assert.Contains("stored: 1", (await cli.RunAsync("import", path)).Output, StringComparison.Ordinal);

        var again = await cli.RunAsync("import", path);
        var fromStart = await cli.RunAsync("import", path, "--from-start");

        Assert.Contains("Posts read: 0", again.Output, StringComparison.Ordinal);
        Assert.Contains("Posts read: 1, stored: 0, duplicates: 1", fromStart.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_OneLineErrorCode2()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("import", cli.File("nope.jsonl"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }
}
