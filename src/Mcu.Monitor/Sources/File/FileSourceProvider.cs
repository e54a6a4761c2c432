using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.File;

/// <summary>The configured JSONL files (<c>Sources:File</c>), and ad-hoc files for <c>import</c>.</summary>
public sealed class FileSourceProvider(
    IOptions<SourcesOptions> sources,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ISourceProvider
{
    /// <summary>File source paths are relative to the application folder, where the sample feed ships.</summary>
    public static string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));

    public IEnumerable<SourceDefinition> Sources() =>
        sources.Value.File
            .Where(f => f.Enabled)
            .Select(f => new SourceDefinition("file:" + f.Id, f.PollInterval, () => Create(f, ResolvePath(f.Path)))
            {
                Type = "file",
                Address = ResolvePath(f.Path),
                DisplayName = $"JSONL {Path.GetFileName(f.Path)}",
            });

    /// <summary>A file source for <c>import FILE</c>: the path is taken from the current directory.</summary>
    public FileFeedSource ForImport(string path)
    {
        var fullPath = Path.GetFullPath(path);
        // One cursor per imported file, so an interrupted import resumes where it stopped.
        var id = "import-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fullPath)))[..12];
        return Create(new FileSourceOptions { Id = id, Path = fullPath }, fullPath);
    }

    private FileFeedSource Create(FileSourceOptions options, string path) =>
        new(options, path, municipality.Value.Id, time, loggerFactory.CreateLogger<FileFeedSource>());
}
