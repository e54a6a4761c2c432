using Mcu.Monitor.Evaluation;

namespace Mcu.Monitor.Tests.Evaluation;

public class CsvReaderTests
{
    [Fact]
    public void ReadWithHeader_QuotedFieldsWithCommasQuotesAndLineBreaks_ParsedPerRfc4180()
    {
        const string csv = "text,sector\r\n\"Нет воды, третий день\",zhkh\n\"Он сказал \"\"ждите\"\"\nи ушёл\",other\nпросто текст,roads";
        var rows = CsvReader.ReadWithHeader(new StringReader(csv)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("Нет воды, третий день", rows[0]["text"]);
        Assert.Equal("Он сказал \"ждите\"\nи ушёл", rows[1]["text"]);
        Assert.Equal("other", rows[1]["sector"]);
        Assert.Equal("roads", rows[2]["SECTOR"]);
    }
}
