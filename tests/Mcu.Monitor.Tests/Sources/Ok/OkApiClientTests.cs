using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>Contract tests of the choke point against a loopback server (PLATFORM-APIS §4 cases 1, 2, 20).</summary>
public class OkApiClientTests
{
    private static readonly string Error104 =
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ok", "error.104.param-signature.from-docs.json"));

    [Fact]
    public async Task CallAsync_ErrorCodeInBodyWithoutHeader_ThrowsTerminalCredentialsErrorAndAlerts()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(Error104));
        using var context = new OkTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("1", null, 20, CancellationToken.None));

        Assert.Equal(104, ex.ErrorCode);
        Assert.Equal(OkErrorKind.Credentials, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Contains("PARAM_SIGNATURE", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // terminal: not retried
        Assert.Equal("ok-credentials", Assert.Single(context.Alerts.Raised).Key);
    }

    [Fact]
    public async Task CallAsync_InvocationErrorHeaderWithEmptyObjectBody_ThrowsWithHeaderCode()
    {
        // The body alone would parse as an empty page: only the header says it failed.
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, "application/json", "{}", new Dictionary<string, string> { ["invocation-error"] = "11" }));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:MaxRetries"] = "0" });

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("1", null, 20, CancellationToken.None));

        Assert.Equal(11, ex.ErrorCode);
        Assert.Equal(OkErrorKind.RateLimited, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.NotNull(ex.RetryAfter);
    }

    [Fact]
    public async Task CallAsync_InvocationErrorHeaderWithNonJsonBody_ThrowsWithHeaderCode()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, "text/plain", "oops", new Dictionary<string, string> { ["invocation-error"] = "300" }));
        using var context = new OkTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("1", null, 20, CancellationToken.None));

        Assert.Equal(300, ex.ErrorCode);
        Assert.Equal(OkErrorKind.Unavailable, ex.Kind);
    }

    [Fact]
    public async Task CallAsync_Request_IsSignedPostWithSecretsOutOfTheUrl()
    {
        await using var server = new FakeOkServer();
        server.AddTopic("7", "1", TimeProvider.System.GetUtcNow(), FakeOkServer.TextBlock("x"));
        using var context = new OkTestContext(server.BaseAddress);

        var page = await context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None);

        Assert.Single(page.MediaTopics!);
        var request = Assert.Single(server.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/fb.do", request.Path);
        Assert.DoesNotContain("access_token", request.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOkServer.AccessToken, request.Query, StringComparison.Ordinal);
        Assert.Equal(FakeOkServer.ApplicationKey, request.Parameters["application_key"]);
        Assert.Equal("json", request.Parameters["format"]);
        Assert.Equal("mediatopic.getTopics", request.Parameters["method"]);
        Assert.Equal(FakeOkServer.AccessToken, request.Parameters["access_token"]);
        Assert.Matches("^[0-9a-f]{32}$", request.Parameters["sig"]);
    }

    [Fact]
    public async Task CallAsync_WrongSecretKey_ServerSays104AndNothingIsRetried()
    {
        await using var server = new FakeOkServer();
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:SecretKey"] = "WRONGsecret" });

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));

        Assert.Equal(104, ex.ErrorCode);
        Assert.Single(server.Server.Requests);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(2)]
    public async Task CallAsync_ThrottledThenSuccess_RetriesOnceAfterTheConfiguredDelay(int code)
    {
        await using var server = new FakeOkServer();
        server.AddTopic("7", "1", TimeProvider.System.GetUtcNow(), FakeOkServer.TextBlock("x"));
        server.Enqueue("mediatopic.getTopics", FakeOkServer.Error(code, "FLOOD_BLOCKED"));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:RetryDelay"] = "00:00:00.300" });

        var page = await context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None);

        Assert.Equal("1", Assert.Single(page.MediaTopics!)!.Id);
        var requests = server.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 290, $"retried after {requests[1].ArrivedAtMs - requests[0].ArrivedAtMs} ms");
        Assert.Contains(context.Logger.Lines, l => l.EventId == 2201);
    }

    [Fact]
    public async Task CallAsync_ThrottledEveryTime_GivesUpAfterMaxRetriesWithTransientError()
    {
        await using var server = new LoopbackHttpServer(_ => FakeOkServer.Error(8, "FLOOD_BLOCKED"));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:MaxRetries"] = "2" });

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));

        Assert.Equal(8, ex.ErrorCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_CredentialsRejected_LaterCallsRefusedWithoutRequest()
    {
        await using var server = new LoopbackHttpServer(_ => FakeOkServer.Error(102, "PARAM_SESSION_EXPIRED"));
        using var context = new OkTestContext(server.BaseAddress);

        await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));
        var second = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetCommentsAsync("1", null, 20, CancellationToken.None));

        Assert.Equal(OkErrorKind.Credentials, second.Kind);
        Assert.Equal(102, second.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CallAsync_Http503ThenSuccess_Retried()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(503, "text/html", "<html>busy</html>")
            : LoopbackResponse.Json("""{"media_topics":[],"has_more":false}"""));
        using var context = new OkTestContext(server.BaseAddress);

        var page = await context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None);

        Assert.Empty(page.MediaTopics!);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_Http404_NotRetried()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(404, "text/html", "<html>no</html>"));
        using var context = new OkTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));

        Assert.Equal(404, ex.HttpStatus);
        Assert.False(ex.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CallAsync_NoAnswerInTime_TransientTimeout()
    {
        await using var server = new FakeOkServer { AnswerDelay = TimeSpan.FromSeconds(3) };
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Sources:Ok:RequestTimeout"] = "00:00:01",
            ["Sources:Ok:MaxRetries"] = "0",
        });

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));

        Assert.Equal(OkErrorKind.Transient, ex.Kind);
        Assert.Contains("no answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_NothingListening_TransientNetworkFailure()
    {
        Uri closed;
        await using (var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("{}")))
        {
            closed = server.BaseAddress;
        }

        using var context = new OkTestContext(closed, new Dictionary<string, string?> { ["Sources:Ok:MaxRetries"] = "0" });

        var ex = await Assert.ThrowsAsync<OkApiException>(() => context.Client.GetTopicsAsync("7", null, 20, CancellationToken.None));

        Assert.Equal(OkErrorKind.Transient, ex.Kind);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task CallAsync_CallerCancels_OperationCanceledNotMapped()
    {
        await using var server = new FakeOkServer { AnswerDelay = TimeSpan.FromSeconds(3) };
        using var context = new OkTestContext(server.BaseAddress);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Client.GetTopicsAsync("7", null, 20, cancel.Token));
    }
}
