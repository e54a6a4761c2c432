using System.Buffers.Binary;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Mcu.Monitor.Reports.Weekly;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Reports.Weekly;

/// <summary>The note written as DOCX and HTML, and its charts as PNG.</summary>
public class WeeklyNoteDocumentTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Write_SeededWeek_DocxIsValidOpenXmlWithTheChartsAndTheNumbers()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();

        var files = seed.Writer.Write(WeeklySeed.Week48, directory.File("note.docx"));

        Assert.Equal(directory.File("note.html"), files.HtmlPath);
        using var document = WordprocessingDocument.Open(files.DocxPath, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.Equal(3, document.MainDocumentPart!.ImageParts.Count());
        var text = document.MainDocumentPart.Document!.Body!.InnerText;
        Assert.Contains(WeeklyNoteLayout.Title, text, StringComparison.Ordinal);
        Assert.Contains("▲ +450 %", text, StringComparison.Ordinal);
        Assert.Contains("Сообщения жителей", text, StringComparison.Ordinal);
        Assert.Contains(WeeklySeed.ScriptText[..30], text, StringComparison.Ordinal);
        Assert.Contains(document.MainDocumentPart.HyperlinkRelationships, r => r.Uri.AbsoluteUri == "https://vk.com/wall-2_w1");
    }

    [Fact]
    public void Write_PostWithScript_HtmlEscapesItAndEmbedsTheChartsAsBase64()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();

        var files = seed.Writer.Write(WeeklySeed.Week48, directory.File("note.docx"));
        var html = File.ReadAllText(files.HtmlPath);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; никто", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // self-contained
        Assert.Contains("<a href=\"https://vk.com/wall-2_w1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WeeklySeed.LongText, html, StringComparison.Ordinal); // excerpts only
    }

    [Theory]
    [InlineData("volume", 900, 420)]
    [InlineData("risk", 640, 300)]
    [InlineData("localities", 800, 500)]
    public void Render_SeededCharts_PngOfTheRequestedSize(string id, int width, int height)
    {
        using var seed = new WeeklySeed();
        var chart = seed.Builder.Build(WeeklySeed.Week48).Chart(id);

        var png = WeeklyNoteCharts.Render(chart, width, height);

        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Render_NoData_StillAnImage()
    {
        var png = WeeklyNoteCharts.Render(new ChartSpec("localities", "Пусто", ChartKind.HorizontalBars, [], [new ChartSeries("сообщения", [])], "сообщений"), 300, 200);

        Assert.Equal(PngSignature, png[..8]);
    }

    [Fact]
    public void FontName_OnThisMachine_HasCyrillicGlyphs()
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(WeeklyNoteCharts.FontName);

        Assert.True(typeface.ContainsGlyphs("Жилищно-коммунальное"), WeeklyNoteCharts.FontName);
    }

    [Theory]
    [InlineData("коротко", "коротко")]
    [InlineData("  две\n\nстроки\t ", "две строки")]
    public void Excerpt_ShortText_FlattenedWhole(string text, string expected) => Assert.Equal(expected, WeeklyNoteText.Excerpt(text));

    [Fact]
    public void Excerpt_LongTextWithoutSpaces_CutToTheLimit()
    {
        var excerpt = WeeklyNoteText.Excerpt(new string('я', 500));

        Assert.Equal(WeeklyNoteText.ExcerptLength, excerpt.Length);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_ByKind_PercentPointsOrHours()
    {
        Assert.Equal("▼ −25 %", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Count, 3, 4)));
        Assert.Equal("= 0 %", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Count, 4, 4)));
        Assert.Equal("▲ новое", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Count, 4, 0)));
        Assert.Equal("▼ −5 п.п.", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Share, 0.70, 0.75)));
        Assert.Equal("▲ +1,5 ч", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Hours, 1.5, 0)));
        Assert.Equal("—", WeeklyNoteText.Change(new HeadlineFigure("x", FigureKind.Hours, 1.5, null)));
    }

    [Fact]
    public void SafeUrl_OnlyHttp() =>
        Assert.Equal([null, null, "https://vk.com/wall-1_2"], new[] { "javascript:alert(1)", "vk.com/x", "https://vk.com/wall-1_2" }.Select(WeeklyNoteLayout.SafeUrl));
}
