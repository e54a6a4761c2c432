namespace Mcu.Monitor.Reports.Weekly;

/// <summary>Makes the note of a week and writes it as DOCX and, beside it with the extension <c>.html</c>, as HTML.</summary>
public sealed class WeeklyNoteWriter(WeeklyNoteBuilder builder)
{
    public WeeklyNoteFiles Write(ReportPeriod week, string docxPath, DateTimeOffset? asOf = null)
    {
        var note = builder.Build(week, asOf);
        var blocks = WeeklyNoteLayout.Blocks(note);
        var docx = Path.GetFullPath(docxPath);
        var html = Path.ChangeExtension(docx, ".html");
        Directory.CreateDirectory(Path.GetDirectoryName(docx)!);
        // Written beside and moved into place, so a reader (or the bot) never picks up half a file.
        WriteAtomically(docx, stream => WeeklyNoteDocx.Write(stream, blocks));
        WriteAtomically(html, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(WeeklyNoteHtml.Render(blocks));
        });
        return new WeeklyNoteFiles(note, docx, html);
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
