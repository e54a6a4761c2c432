using System.Net;
using System.Net.Sockets;
using System.Text;
using Mcu.Monitor.Kibana;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Kibana;

/// <summary>Contract tests of the import against a loopback server (ELASTIC.md §4.2).</summary>
public class KibanaImporterTests
{
    private const string Success =
        """{"successCount":2,"success":true,"successResults":[{"type":"index-pattern","id":"mcu-posts","meta":{"title":"Посты"}},{"type":"lens","id":"mcu-lens-posts-network","meta":{"title":"Соцсети"}}],"errors":[]}""";

    // The shape of Kibana's documented answer: HTTP 200, success false, one entry per refused object.
    private const string PerObjectErrors =
        """
        {"successCount":1,"success":false,"errors":[
          {"id":"mcu-lens-posts-network","type":"lens","title":"Соцсети","meta":{"title":"Соцсети","icon":"lensApp"},
           "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"mcu-posts"}]}},
          {"id":"mcu-dashboard-overview","type":"dashboard","meta":{"title":"Обзор"},
           "error":{"type":"unknown","message":"Document has a newer typeMigrationVersion","statusCode":400}}]}
        """;

    [Fact]
    public async Task ImportAsync_TwoFiles_SendsOneMultipartRequestWithTheObjectsXsrfAndBasicAuth()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(Success));
        using var context = new KibanaTestContext(server.BaseAddress);

        var result = await context.Importer.ImportAsync(context.Files, CancellationToken.None);

        Assert.Equal(2, result.SuccessCount);
        Assert.Equal(2, result.ObjectCount);
        Assert.Equal(2, result.Files.Count); // notes.txt is not a saved-object file
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/saved_objects/_import", request.Path);
        Assert.Equal("?overwrite=true", request.Query);
        Assert.Equal("true", request.Headers["kbn-xsrf"]);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KibanaTestContext.Username}:{KibanaTestContext.Password}")),
            request.Headers["Authorization"]);
        Assert.Contains("name=file; filename=mcu-monitor.ndjson", request.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/ndjson", request.Body, StringComparison.Ordinal);
        // Both files in one part, one object a line, blank lines dropped: the data view travels with the lens that needs it.
        Assert.Contains(KibanaTestContext.DataViewLine + "\n" + KibanaTestContext.LensLine + "\n", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SpaceAndApiKey_PostsToTheSpaceWithApiKeyAuth()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(Success));
        using var context = new KibanaTestContext(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Kibana:Username"] = "",
            ["Kibana:Password"] = "",
            ["Kibana:ApiKey"] = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            ["Kibana:SpaceId"] = "analytics",
        });

        await context.Importer.ImportAsync(context.Files, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/s/analytics/api/saved_objects/_import", request.Path);
        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task ImportAsync_PerObjectErrorsIn200_FailsNamingEveryObjectWithoutRetrying()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(PerObjectErrors));
        using var context = new KibanaTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<KibanaImportException>(() => context.Importer.ImportAsync(context.Files, CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(new KibanaImportError("lens", "mcu-lens-posts-network", "Соцсети", "missing_references", "missing index-pattern mcu-posts"), ex.Errors[0]);
        Assert.Equal(new KibanaImportError("dashboard", "mcu-dashboard-overview", "Обзор", "unknown", "Document has a newer typeMigrationVersion"), ex.Errors[1]);
        Assert.Contains("refused 2 saved objects (1 imported)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lens mcu-lens-posts-network «Соцсети»: missing_references (missing index-pattern mcu-posts)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dashboard mcu-dashboard-overview «Обзор»: unknown", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Contains(context.Logger.Lines, l => l.EventId == 3103 && l.Message.Contains("mcu-dashboard-overview", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_SuccessFalseWithoutErrors_Fails()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"success":false,"successCount":0}"""));
        using var context = new KibanaTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<KibanaImportException>(() => context.Importer.ImportAsync(context.Files, CancellationToken.None));

        Assert.Empty(ex.Errors);
        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_401_FailsWithClearMessageAndNoPasswordAnywhere()
    {
        // A hostile or buggy proxy echoing the password must not get it into the message or the log either.
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(
            $$"""{"statusCode":401,"error":"Unauthorized","message":"unable to authenticate user [mcu_setup] with password [{{KibanaTestContext.Password}}]"}""", 401));
        using var context = new KibanaTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<KibanaImportException>(() => context.Importer.ImportAsync(context.Files, CancellationToken.None));

        Assert.Equal(401, ex.HttpStatus);
        Assert.False(ex.IsTransient);
        Assert.Contains("HTTP 401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Kibana:Username and Kibana:Password", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unable to authenticate user [mcu_setup]", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KibanaTestContext.Password, ex.ToString(), StringComparison.Ordinal);
        Assert.False(context.Logger.Contains(KibanaTestContext.Password));
        Assert.Single(server.Requests); // credentials do not get better by retrying
    }

    [Fact]
    public async Task ImportAsync_503ThenSuccess_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? LoopbackResponse.Json("""{"statusCode":503,"error":"Service Unavailable","message":"Kibana server is not ready yet"}""", 503)
            : LoopbackResponse.Json(Success));
        using var context = new KibanaTestContext(server.BaseAddress);

        var result = await context.Importer.ImportAsync(context.Files, CancellationToken.None);

        Assert.Equal(2, result.SuccessCount);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(context.Logger.Lines, l => l.EventId == 3101 && l.Message.Contains("HTTP 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_NothingListening_FailsAsTransientAfterTheRetries()
    {
        using var context = new KibanaTestContext(new Uri($"http://127.0.0.1:{ClosedPort()}/"), new Dictionary<string, string?> { ["Kibana:MaxRetries"] = "2" });

        var ex = await Assert.ThrowsAsync<KibanaImportException>(() => context.Importer.ImportAsync(context.Files, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.HttpStatus);
        Assert.Contains("cannot reach http://127.0.0.1:", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, context.Logger.Lines.Count(l => l.EventId == 3101));
    }

    [Fact]
    public async Task ImportAsync_AnswerIsNotJson_FailsSayingSo()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Html("<html>proxy</html>"));
        using var context = new KibanaTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<KibanaImportException>(() => context.Importer.ImportAsync(context.Files, CancellationToken.None));

        Assert.Contains("not JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_UrlWithCredentialsOrHalfBasicAuth_AreReportedWithoutSecrets()
    {
        var problems = KibanaServiceCollectionExtensions.Rules(new KibanaOptions
        {
            Url = "http://elastic:changeme@kibana:5601",
            Username = "mcu",
            ApiKey = "the-key",
        }).ToList();

        Assert.Contains(problems, p => p.StartsWith("Kibana:Url = '***': must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Kibana:Password = '': required with Kibana:Username", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Kibana:ApiKey = '***'", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("changeme", p, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("the-key", p, StringComparison.Ordinal));
        Assert.Empty(KibanaServiceCollectionExtensions.Rules(new KibanaOptions()));
        Assert.Single(KibanaServiceCollectionExtensions.Rules(new KibanaOptions { Url = "kibana:5601/x" }));
    }

    [Fact]
    public void ShippedSavedObjects_AreCopiedBesideTheExecutable()
    {
        // The csproj links deploy/kibana/*.ndjson into the output's kibana/ folder, the default SavedObjectsPath.
        using var context = new KibanaTestContext(null);

        var shipped = KibanaImporter.FindFiles(context.Importer.DefaultDirectory).Select(Path.GetFileName).ToList();
        var source = KibanaImporter.FindFiles(Path.Combine(TestConfiguration.RepositoryRoot(), "deploy", "kibana")).Select(Path.GetFileName).ToList();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "kibana"), context.Importer.DefaultDirectory);
        Assert.NotEmpty(source);
        Assert.Equal(source, shipped);
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }
}
