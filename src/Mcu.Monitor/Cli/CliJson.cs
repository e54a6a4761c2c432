using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Mcu.Monitor.Cli;

/// <summary>JSON output of commands: indented, camelCase, Cyrillic as it is (not \u escapes).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
