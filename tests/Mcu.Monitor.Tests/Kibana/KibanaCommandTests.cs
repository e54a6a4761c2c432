using Mcu.Monitor.Cli;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Kibana;

/// <summary>
/// <c>kibana import</c>: the command body against the services <c>AddKibana</c> registers, and (once the command
/// and <c>AddKibana</c> are wired into MonitorCommandLine and AppHost) the whole command line.
/// </summary>
public class KibanaCommandTests
{
    [Fact]
    public async Task ImportAsync_NoUrl_PrintsOneErrorLineAndExits2()
    {
        using var context = new KibanaTestContext(null);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await KibanaCommand.ImportAsync(context.Services, new CliContext(output, error), null, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Equal("error: Kibana is not configured: set Kibana:Url (environment Kibana__Url)" + Environment.NewLine, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task ImportAsync_FolderWithoutNdjson_Exits2()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("{}"));
        using var context = new KibanaTestContext(server.BaseAddress);
        using var empty = new TempDirectory();
        using var error = new StringWriter();

        var code = await KibanaCommand.ImportAsync(context.Services, new CliContext(TextWriter.Null, error), empty.Path, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("no *.ndjson saved-object files in", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ImportAsync_KibanaAccepts_PrintsCountsAndExits0()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"success":true,"successCount":2,"errors":[]}"""));
        using var context = new KibanaTestContext(server.BaseAddress);
        using var output = new StringWriter();

        var code = await KibanaCommand.ImportAsync(context.Services, new CliContext(output, TextWriter.Null), context.Directory, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal($"Kibana: imported 2 of 2 saved objects from 2 files in {context.Directory}" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task ImportAsync_KibanaRefusesAnObject_PrintsTheObjectAndExits1()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(
            """{"success":false,"successCount":1,"errors":[{"id":"mcu-lens-posts-network","type":"lens","meta":{"title":"Соцсети"},"error":{"type":"conflict"}}]}"""));
        using var context = new KibanaTestContext(server.BaseAddress);
        using var error = new StringWriter();

        var code = await KibanaCommand.ImportAsync(context.Services, new CliContext(TextWriter.Null, error), context.Directory, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("error: Kibana import refused 1 saved objects (1 imported): lens mcu-lens-posts-network «Соцсети»: conflict" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task KibanaImport_NoUrlConfigured_Exits2WithOneLine()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("kibana", "import");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Kibana is not configured: set Kibana:Url (environment Kibana__Url)", result.Error.Trim());
    }

    [Fact]
    public async Task KibanaImport_ShippedFiles_AreSentToKibana()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"success":true,"successCount":23,"errors":[]}"""));
        using var cli = new CliRunner();
        cli.Settings["Kibana:Url"] = server.BaseAddress.ToString();

        var result = await cli.RunAsync("kibana", "import");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Kibana: imported 23 of ", result.Output, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Contains("\"id\":\"mcu-dashboard-overview\"", request.Body, StringComparison.Ordinal);
    }
}
