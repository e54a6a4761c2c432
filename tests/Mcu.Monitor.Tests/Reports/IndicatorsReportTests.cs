using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Reports;

public class IndicatorsReportTests
{
    private static readonly ReportPeriod Week48 = ReportPeriod.Week(2026, 48, ReportSeed.Moscow);

    [Fact]
    public void Write_SeededWeek_XlsxIsValidAndHoldsTheHandCountedNumbers()
    {
        using var seed = ReportSeed.Week48();
        using var directory = new TempDirectory();

        var (xlsx, csv) = Report(seed).Write(Week48, directory.File("out/indicators.xlsx"));

        Assert.Equal(directory.File("out/indicators.csv"), csv);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(
            [IndicatorsReport.SummarySheet, IndicatorsReport.ChannelsSheet, IndicatorsReport.RecipientsSheet, IndicatorsReport.PagesSheet, IndicatorsReport.OverdueSheet],
            document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value));

        var summary = Sheet(document, IndicatorsReport.SummarySheet);
        Assert.Equal(("Показатель", "Единица", "Значение"), (Text(summary, "A1"), Text(summary, "B1"), Text(summary, "C1")));
        Assert.Equal(1U, Cell(summary, "A1")!.StyleIndex!.Value); // the header style: bold on a shaded fill
        Assert.Equal("2026-W48", Indicator(summary, "Период").Text);
        Assert.Equal(17, Indicator(summary, "Сообщений жителей").Number);
        Assert.Equal(11, Indicator(summary, "из них обращений").Number);
        Assert.Equal(11, Indicator(summary, "Инцидентов получено").Number);
        Assert.Equal(8.0 / 11, Indicator(summary, "Доля отвеченных").Number!.Value, 9);
        Assert.Equal(1.0, Indicator(summary, "Медиана времени первой реакции").Number);
        Assert.Equal(9.0, Indicator(summary, "90-й перцентиль времени первой реакции").Number);
        Assert.Equal(0.8, Indicator(summary, "Доля реакций в срок").Number!.Value, 9);
        Assert.Equal(85.0, Indicator(summary, "Средняя полнота ответа").Number);
        Assert.Equal(0.75, Indicator(summary, "Удовлетворённость ответами (прокси)").Number);
        Assert.Equal(3, Indicator(summary, "Просроченных инцидентов на момент формирования").Number);
        Assert.Equal(2.0, Indicator(summary, "Публикаций госпабликов в неделю").Number);
        Assert.Equal(0.75, Indicator(summary, "Доля комментариев с ответом госпаблика").Number);
        var share = RowCell(summary, "Доля отвеченных", "C");
        Assert.Equal(CellValues.Number, share.DataType!.Value);  // a number, shown as a percentage
        Assert.Equal(4U, share.StyleIndex!.Value);

        var channels = Sheet(document, IndicatorsReport.ChannelsSheet);
        Assert.Equal(("ВКонтакте", "Образование", 1.0, 1.0), (Text(channels, "A2"), Text(channels, "B2"), Number(channels, "C2"), Number(channels, "D2")));
        Assert.Equal(("Telegram", "Транспорт", 1.0), (Text(channels, "A9"), Text(channels, "B9"), Number(channels, "C9")));
        Assert.Equal(("Итого", 17.0, 11.0), (Text(channels, "A10"), Number(channels, "C10"), Number(channels, "D10")));

        var recipients = Sheet(document, IndicatorsReport.RecipientsSheet);
        Assert.Equal((1.0, "tko-operator", 99.6, 2.0), (Number(recipients, "A2"), Text(recipients, "B2"), Number(recipients, "D2"), Number(recipients, "E2")));
        Assert.Equal((5.0, "zhkh", 69.1, 3.0, 9.0), (Number(recipients, "A6"), Text(recipients, "B6"), Number(recipients, "D6"), Number(recipients, "G6"), Number(recipients, "H6")));
        Assert.Equal(("curator", null), (Text(recipients, "B7"), Cell(recipients, "A7"))); // no incidents: no rank, no score
        Assert.Null(Cell(recipients, "D7"));

        var pages = Sheet(document, IndicatorsReport.PagesSheet);
        Assert.Equal(("-555", 2.0, 4.0, 3.0, 0.75, 1.0), (Text(pages, "B2"), Number(pages, "E2"), Number(pages, "G2"), Number(pages, "H2"), Number(pages, "I2"), Number(pages, "J2")));

        var overdue = Sheet(document, IndicatorsReport.OverdueSheet);
        Assert.Equal([12.0, 3.0, 5.0], new[] { "A2", "A3", "A4" }.Select(r => Number(overdue, r)));
        // #5 was due Mon 30 November 17:00; reckoned Tue 1 December 12:00: 1 h on Monday, 3 h on Tuesday
        Assert.Equal(4.0, Number(overdue, "G4"));
    }

    [Fact]
    public void Write_SeededWeek_CsvIsUtf8WithBomSemicolonsAndDecimalCommas()
    {
        using var seed = ReportSeed.Week48();
        using var directory = new TempDirectory();

        var (_, csv) = Report(seed).Write(Week48, directory.File("indicators.xlsx"));

        var bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("Раздел;Объект;Показатель;Значение", lines[0]);
        Assert.Contains("Показатели;;Период;2026-W48", lines);
        Assert.Contains("Показатели;;Сообщений жителей, шт.;17", lines);
        Assert.Contains("Показатели;;Доля отвеченных, %;0,7273", lines);          // 8/11
        Assert.Contains("Показатели;;Медиана времени первой реакции, раб. ч;1", lines);
        Assert.Contains("По каналам и секторам;Одноклассники / Жилищно-коммунальное хозяйство;Сообщений;1", lines);
        Assert.Contains("Получатели;5 / zhkh / Управление ЖКХ администрации округа;Балл рейтинга;69,1", lines);
        Assert.Contains("Получатели;5 / zhkh / Управление ЖКХ администрации округа;Средняя полнота ответа;76,6667", lines);
        Assert.Contains("Получатели;curator / Куратор МЦУ, заместитель главы администрации;Балл рейтинга;", lines);
        Assert.Contains("Госпаблики;ВКонтакте / -555 / Отдел дорожного хозяйства и транспорта;Доля отвеченных;0,75", lines);
    }

    [Fact]
    public void Reference_BeyondZ_TwoLetters()
    {
        Assert.Equal("A1", IndicatorsWorkbook.Reference(0, 1));
        Assert.Equal("Z3", IndicatorsWorkbook.Reference(25, 3));
        Assert.Equal("AA10", IndicatorsWorkbook.Reference(26, 10));
    }

    [Fact]
    public void CsvText_FieldWithSeparatorOrQuote_QuotedAsRfc4180() =>
        Assert.Equal("\"ООО \"\"УК\"\"; участок\"", CsvText.Field("ООО \"УК\"; участок"));

    internal static IndicatorsReport Report(ReportSeed seed) =>
        new(seed.Metrics, new DeadlineOptions(), TestConfiguration.Classification(), new MunicipalityOptions());

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
    }

    private static Cell? Cell(Worksheet sheet, string reference) => sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    private static string? Text(Worksheet sheet, string reference) => Cell(sheet, reference)?.InlineString?.InnerText;

    private static double? Number(Worksheet sheet, string reference) =>
        Cell(sheet, reference)?.CellValue?.Text is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    private static Cell RowCell(Worksheet sheet, string name, string column)
    {
        var row = sheet.Descendants<Row>().Single(r => r.Elements<Cell>().First().InlineString?.InnerText == name);
        return Cell(sheet, column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture))!;
    }

    private static (string? Text, double? Number) Indicator(Worksheet sheet, string name)
    {
        var cell = RowCell(sheet, name, "C");
        return (cell.InlineString?.InnerText, cell.CellValue?.Text is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : null);
    }
}
