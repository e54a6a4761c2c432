using System.CommandLine;
using Mcu.Monitor.Cli;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Indexing;

public class IndexingCommandsTests
{
    [Theory]
    [InlineData("es", "setup")]
    [InlineData("index", "rebuild")]
    public async Task Command_ElasticsearchNotEnabled_PrintsOneErrorLineAndExits2(string group, string command)
    {
        using var directory = new TempDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = directory.File("monitor.db"),
            ["Serilog:WriteTo:1:Args:path"] = directory.File("logs/monitor-.log"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Elasticsearch:Enabled"] = "false",
        });
        var config = new Option<string?>("--config") { Recursive = true };
        var root = new RootCommand { config, IndexingCommands.CreateEs(context, config), IndexingCommands.CreateIndex(context, config) };

        var code = await root.Parse([group, command]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Elasticsearch is not enabled", line, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
