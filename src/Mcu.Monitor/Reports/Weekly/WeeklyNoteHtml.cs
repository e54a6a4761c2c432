using System.Net;
using System.Text;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// Writes the note as one self-contained HTML page: inline CSS, the charts as base64 PNG data URIs, every text
/// HTML-escaped (post excerpts are residents' words and may contain markup), links only to http or https addresses.
/// </summary>
public static class WeeklyNoteHtml
{
    private const string Style = """
        body { font-family: Arial, "DejaVu Sans", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
        h1 { color: #1f3864; font-size: 1.7rem; } h2 { color: #1f3864; font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { border: 1px solid #a0a0a0; padding: .25rem .5rem; text-align: left; vertical-align: top; } th { background: #e8eef4; }
        td.n { text-align: right; white-space: nowrap; } p.small { color: #555; font-size: .85rem; }
        figure { margin: 1rem 0; text-align: center; } figure img { max-width: 100%; height: auto; }
        """;

    public static string Render(IReadOnlyList<NoteBlock> blocks)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(WeeklyNoteLayout.Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(WeeklyNoteLayout.Title)).Append("</h1>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case NoteBlock.Heading heading:
                    var tag = heading.Level == 1 ? "h2" : "h3";
                    html.Append('<').Append(tag).Append('>').Append(Encode(heading.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case NoteBlock.Paragraph paragraph:
                    html.Append(paragraph.Small ? "<p class=\"small\">" : "<p>").Append(Runs(paragraph.Runs)).Append("</p>\n");
                    break;
                case NoteBlock.Bullets bullets:
                    html.Append("<ul>\n");
                    foreach (var item in bullets.Items)
                    {
                        html.Append("<li>").Append(Runs(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case NoteBlock.Table table:
                    Table(html, table);
                    break;
                case NoteBlock.Image image:
                    html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png))
                        .Append("\" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height)
                        .Append("\" alt=\"").Append(Encode(image.Chart.Title)).Append("\"></figure>\n");
                    break;
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Table(StringBuilder html, NoteBlock.Table table)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i < table.Numeric.Count && table.Numeric[i] ? "<td class=\"n\">" : "<td>").Append(Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Runs(IEnumerable<NoteRun> runs)
    {
        var html = new StringBuilder();
        foreach (var run in runs)
        {
            var text = Encode(run.Text);
            html.Append(run.Url is { } url ? $"<a href=\"{Encode(url)}\" rel=\"noopener noreferrer\">{text}</a>" : run.Bold ? $"<b>{text}</b>" : text);
        }

        return html.ToString();
    }

    /// <summary>Escapes <c>&lt; &gt; &amp; " '</c>; Cyrillic stays readable in the source.</summary>
    private static string Encode(string text) => WebUtility.HtmlEncode(WeeklyNoteText.Printable(text));
}
