using Mcu.Monitor.Sources.File;

namespace Mcu.Monitor.Sources;

/// <summary>
/// The configured file sources (section <c>Sources</c>). VK, OK and Telegram have their own sections
/// (<c>Sources:Vk</c>, <c>Sources:Ok</c>, <c>Sources:Telegram</c>), bound by their readers.
/// </summary>
public sealed class SourcesOptions
{
    public const string SectionName = "Sources";

    /// <summary>JSONL files read as sources. The default configuration reads the bundled sample feed.</summary>
    public List<FileSourceOptions> File { get; set; } = [];

    /// <summary>
    /// The municipality's official accounts (the administration's pages and channels): their posts are not
    /// appeals, and their replies are what answer tracking looks for (issue #6).
    /// </summary>
    public List<OfficialAccountOptions> OfficialAccounts { get; set; } = [];
}
