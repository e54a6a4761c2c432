using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mcu.Monitor.Reports;

/// <summary>
/// Writes report tables as an XLSX workbook with the Open XML SDK: one sheet per table, a bold shaded header row frozen
/// at the top, numbers stored as numbers (shares as fractions shown as percentages, hours and scores with one decimal),
/// text as inline strings, empty cells where there is no data.
/// </summary>
public static class IndicatorsWorkbook
{
    // Cell formats of the stylesheet below, by index.
    private const uint General = 0;
    private const uint Header = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint PercentStyle = 4;
    private const uint WrappedText = 5;
    private const uint OneDecimalFormatId = 164;

    public static void Write(string path, IReadOnlyList<ReportTable> tables)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(table);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = table.Name });
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(ReportTable table)
    {
        var columns = new Columns();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = table.Columns[i].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            header.Append(TextCell(Reference(i, 1), table.Columns[i].Header, Header));
        }

        data.Append(header);
        uint rowIndex = 2;
        foreach (var values in table.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < values.Count; i++)
            {
                if (Cell(Reference(i, rowIndex), values[i]) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
            rowIndex++;
        }

        var frozen = new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0U };
        return new Worksheet(new SheetViews(frozen), columns, data);
    }

    private static Cell? Cell(string reference, ReportValue value)
    {
        if (value.Format == ReportValueFormat.Text)
        {
            return string.IsNullOrEmpty(value.Text) ? null : TextCell(reference, value.Text, value.Text.Length > 60 ? WrappedText : General);
        }

        if (value.Number is not { } number || double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(number),
            StyleIndex = value.Format switch
            {
                ReportValueFormat.Count => IntegerStyle,
                ReportValueFormat.Percent => PercentStyle,
                _ => DecimalStyle,
            },
        };
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>A1-style reference of a zero-based column and a one-based row.</summary>
    public static string Reference(int column, uint row)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = OneDecimalFormatId, FormatCode = "0.0" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
            {
                NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = OneDecimalFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
