namespace Mcu.Monitor.Reports.Weekly;

/// <summary>A note written to disk: the DOCX and the HTML beside it.</summary>
public sealed record WeeklyNoteFiles(WeeklyNote Note, string DocxPath, string HtmlPath);
