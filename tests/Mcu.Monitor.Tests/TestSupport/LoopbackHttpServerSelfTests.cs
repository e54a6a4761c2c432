namespace Mcu.Monitor.Tests.TestSupport;

public class LoopbackHttpServerSelfTests
{
    [Fact]
    public async Task Server_RecordsRequestAndServesHandlerResponse()
    {
        await using var server = new LoopbackHttpServer(request => LoopbackResponse.Json($$"""{"echo":"{{request.Parameters["q"]}}"}"""));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "нет воды" });
        using var response = await client.PostAsync(new Uri("method/wall.get?v=5.199", UriKind.Relative), content);

        Assert.Equal("""{"echo":"нет воды"}""", await response.Content.ReadAsStringAsync());
        var recorded = Assert.Single(server.Requests);
        Assert.Equal("/method/wall.get", recorded.Path);
        Assert.Equal("5.199", recorded.Parameters["v"]);
    }
}
