using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources.File;

/// <summary>A JSONL file read as a source (section <c>Sources:File</c>, a list).</summary>
public sealed class FileSourceOptions
{
    /// <summary>Source id; the stored source is <c>file:&lt;Id&gt;</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "must be 1-64 latin letters, digits, '_', '.' or '-'")]
    public string Id { get; set; } = "";

    /// <summary>The JSONL file; a relative path is taken from the application folder, where the sample feed ships.</summary>
    [Required]
    public string Path { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Moves every timestamp by one offset so that the newest item is "now": for the bundled demo feed,
    /// so deadlines and reports look alive. Default false.
    /// </summary>
    public bool ShiftTimestampsToNow { get; set; }

    /// <summary>How often <c>run</c> looks for new lines. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest line accepted; a longer one is reported and skipped. Default 16 MiB.</summary>
    [Range(1024, 1 << 30)]
    public int MaxLineBytes { get; set; } = 16 << 20;
}
