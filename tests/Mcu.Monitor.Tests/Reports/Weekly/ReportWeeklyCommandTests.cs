using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Mcu.Monitor.Cli;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Reports.Weekly;

public class ReportWeeklyCommandTests
{
    [Fact]
    public async Task ReportWeekly_SeededDatabase_WritesTheDocxAndTheHtmlBesideIt()
    {
        using var cli = new CliRunner();
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = cli.DatabasePath }));
        database.EnsureCreated();
        ReportSeed.InsertIncident(database, 1, "zhkh", "zhkh", "New", ReportSeed.Msk(11, 24, 10), ReportSeed.Msk(11, 24, 18));
        var docx = cli.File("out/note.docx");

        var result = await cli.RunAsync("report", "weekly", "--week", "2026-W48", "--out", docx);

        Assert.True(result.ExitCode == CommandExecution.Ok, result.Error);
        Assert.True(File.Exists(docx));
        Assert.True(File.Exists(cli.File("out/note.html")));
        Assert.Contains("2026-W48", result.Output, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(docx, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("Инциденты", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-W60")]
    [InlineData("2026-11")]
    [InlineData("неделя")]
    public async Task ReportWeekly_BadWeek_Exit2NamingIt(string week)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("report", "weekly", "--week", week, "--out", cli.File("note.docx"));

        Assert.Equal(CommandExecution.BadInput, result.ExitCode);
        Assert.Contains($"--week '{week}'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.File("note.docx")));
    }
}
