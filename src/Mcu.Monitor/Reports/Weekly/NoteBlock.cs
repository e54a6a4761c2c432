namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// The note laid out as blocks (<see cref="WeeklyNoteLayout"/>), so the DOCX and the HTML say the same thing in the
/// same order and each writer only knows its format.
/// </summary>
public abstract record NoteBlock
{
    public sealed record Heading(int Level, string Text) : NoteBlock;

    public sealed record Paragraph(IReadOnlyList<NoteRun> Runs, bool Small = false) : NoteBlock;

    public sealed record Bullets(IReadOnlyList<IReadOnlyList<NoteRun>> Items) : NoteBlock;

    /// <summary>A table; <see cref="Numeric"/> marks the columns of numbers (right-aligned).</summary>
    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric) : NoteBlock;

    public sealed record Image(ChartSpec Chart, byte[] Png, int Width, int Height) : NoteBlock;
}

/// <summary>A piece of text, bold or a link (<see cref="Url"/>, only http or https).</summary>
public sealed record NoteRun(string Text, bool Bold = false, string? Url = null)
{
    public static NoteRun Link(string text, string? url) => new(text, Url: WeeklyNoteLayout.SafeUrl(url));
}
