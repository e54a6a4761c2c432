using Mcu.Monitor.Sources.File;

namespace Mcu.Monitor.Sources;

/// <summary>The configured sources (section <c>Sources</c>). VK, OK and Telegram readers arrive with issue #3.</summary>
public sealed class SourcesOptions
{
    public const string SectionName = "Sources";

    /// <summary>JSONL files read as sources. The default configuration reads the bundled sample feed.</summary>
    public List<FileSourceOptions> File { get; set; } = [];
}
