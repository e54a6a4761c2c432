using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// Writes the note as a Word document (OpenXML, A4 portrait): styles Title and Heading 1–2 so Word's navigation pane
/// shows the sections, the charts as inline PNG pictures the width of the text, tables with a header row, links to posts.
/// </summary>
public static class WeeklyNoteDocx
{
    private const string FontName = "Arial";
    private const int PageWidth = 11906;   // A4 in twentieths of a point
    private const int PageHeight = 16838;
    private const int Margin = 1134;       // 2 cm
    private const long EmuPerTwip = 635;

    public static void Write(Stream output, IReadOnlyList<NoteBlock> blocks)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);
        body.Append(Paragraph("Title", new Run(Text(WeeklyNoteLayout.Title))));
        uint pictureId = 1;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case NoteBlock.Heading heading:
                    body.Append(Paragraph(heading.Level == 1 ? "Heading1" : "Heading2", new Run(Text(heading.Text))));
                    break;
                case NoteBlock.Paragraph paragraph:
                    body.Append(Paragraph(paragraph.Small ? "Small" : null, [.. Runs(main, paragraph.Runs)]));
                    break;
                case NoteBlock.Bullets bullets:
                    foreach (var item in bullets.Items)
                    {
                        body.Append(Paragraph("Bullet", [new Run(Text("•\u00A0")), .. Runs(main, item)]));
                    }

                    break;
                case NoteBlock.Table table:
                    body.Append(Table(table));
                    body.Append(Paragraph(null));
                    break;
                case NoteBlock.Image image:
                    body.Append(Paragraph("Picture", new Run(Picture(main, image, pictureId++))));
                    break;
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 709, Footer = 709, Gutter = 0 }));
        main.Document.Save();
    }

    private static IEnumerable<OpenXmlElement> Runs(MainDocumentPart main, IEnumerable<NoteRun> runs)
    {
        foreach (var run in runs)
        {
            if (run.Url is { } url)
            {
                var relationship = main.AddHyperlinkRelationship(new Uri(url), isExternal: true);
                yield return new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), Text(run.Text))) { Id = relationship.Id };
            }
            else
            {
                yield return run.Bold ? new Run(new RunProperties(new Bold()), Text(run.Text)) : new Run(Text(run.Text));
            }
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Text Text(string value) => new(WeeklyNoteText.Printable(value)) { Space = SpaceProcessingModeValues.Preserve };

    private static Paragraph Paragraph(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(content);
        return paragraph;
    }

    private static Table Table(NoteBlock.Table table)
    {
        var width = PageWidth - (2 * Margin);
        var columns = Math.Max(1, table.Headers.Count);
        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
        };
        var result = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(border()),
                new TableLayout { Type = TableLayoutValues.Autofit }),
            new TableGrid([.. Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (width / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        result.Append(Row(table.Headers, table.Numeric, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, table.Numeric, header: false));
        }

        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<bool> numeric, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties();
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E8EEF4" });
            }

            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "TableText" },
                new Justification { Val = !header && i < numeric.Count && numeric[i] ? JustificationValues.Right : JustificationValues.Left }));
            paragraph.Append(header ? new Run(new RunProperties(new Bold()), Text(cells[i])) : new Run(Text(cells[i])));
            row.Append(new TableCell(properties, paragraph));
        }

        return row;
    }

    private static Drawing Picture(MainDocumentPart main, NoteBlock.Image image, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(image.Png))
        {
            part.FeedData(png);
        }

        var relationship = main.GetIdOfPart(part);
        var cx = (PageWidth - (2 * Margin)) * EmuPerTwip;
        var cy = cx * image.Height / image.Width;
        var name = $"{image.Chart.Id}.png";
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = $"Chart {id}", Description = image.Chart.Title },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relationship },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = "22" },
                    new Languages { Val = "ru-RU" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, null, null, isDefault: true),
            Style("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { After = "240" }), new RunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "36" }), null),
            Style("Heading1", "heading 1", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
                new RunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "28" }), null),
            Style("Heading2", "heading 2", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }),
                new RunProperties(new Bold(), new FontSize { Val = "23" }), null),
            Style("Small", "Small text", null, new RunProperties(new Color { Val = "555555" }, new FontSize { Val = "18" }), null),
            Style("Bullet", "Bullet", new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "360", Hanging = "240" }), null, null),
            Style("TableText", "Table text", new ParagraphProperties(new SpacingBetweenLines { After = "0" }), new RunProperties(new FontSize { Val = "19" }), null),
            Style("Picture", "Picture", new ParagraphProperties(new Justification { Val = JustificationValues.Center }), null, null),
            new Style(new StyleName { Val = "Hyperlink" }, new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character,
                StyleId = "Hyperlink",
            });
    }

    /// <summary>A paragraph style; the child elements must be in the schema's order (rPr: b, color, sz; pPr: keepNext, spacing, ind, jc, outlineLvl).</summary>
    private static Style Style(string id, string name, ParagraphProperties? paragraph, RunProperties? run, string? basedOn, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }

        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = basedOn ?? "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties([.. paragraph.ChildElements.Select(e => e.CloneNode(true))]));
        }

        if (run is not null)
        {
            style.Append(new StyleRunProperties([.. run.ChildElements.Select(e => e.CloneNode(true))]));
        }

        return style;
    }
}
