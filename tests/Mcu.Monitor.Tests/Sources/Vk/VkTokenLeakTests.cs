using Mcu.Monitor.Sources.Vk;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkTokenLeakTests
{
    [Fact]
    public async Task EveryFailurePath_TokenNeverInLogsAlertsOrExceptionMessages()
    {
        var messages = new List<string>();
        // VK echoing the token back in error_msg and request_params is the worst case; it must be scrubbed.
        var echo = $$$"""{"error":{"error_code":100,"error_msg":"bad access_token={{{VkTestHost.Token}}}","request_params":[{"key":"access_token","value":"{{{VkTestHost.Token}}}"},{"key":"owner_id","value":"{{{VkTestHost.Token}}}"}]}}""";
        string[] bodies =
        [
            VkFixtures.Read("error.6.too-many.from-schema.json"),
            VkFixtures.Read("error.14.captcha-needed.json"),
            echo,
            "{\"response\": [tru",
            VkFixtures.Read("error.5.user-authorization-failed.json"),
        ];
        foreach (var body in bodies)
        {
            await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:Queries:0"] = "q", ["Sources:Vk:MaxRetries"] = "1" });
            host.Vk.Override = _ => LoopbackResponse.Json(body);
            foreach (var id in new[] { "vk:walls", "vk:comments", "vk:search" })
            {
                try
                {
                    await VkTestHost.ReadAllAsync(host.Source(id), null);
                }
                catch (VkApiException ex)
                {
                    messages.Add(ex.ToString());
                    messages.AddRange(ex.RequestParams.Select(p => p.Key + "=" + p.Value));
                }
            }

            try
            {
                await host.Client.GetWallAsync(new VkWallRequest(-7, 0, 1), CancellationToken.None);
            }
            catch (VkApiException ex)
            {
                messages.Add(ex.ToString());
                messages.AddRange(ex.RequestParams.Select(p => p.Key + "=" + p.Value));
            }

            Assert.False(host.TokenLeaked(), "token in a log line or an operator alert for body " + body[..Math.Min(60, body.Length)]);
            Assert.NotEmpty(host.Log.Lines);
        }

        // Transport failure: nothing listens on the port any more.
        var closed = new VkTestHost(new() { ["Sources:Vk:MaxRetries"] = "0" });
        await closed.StopServerAsync();
        var transport = await Assert.ThrowsAsync<VkApiException>(() => closed.Client.GetWallAsync(new VkWallRequest(-7, 0, 1), CancellationToken.None));
        messages.Add(transport.ToString());
        Assert.Equal(VkErrorCodes.Transport, transport.Code);
        Assert.False(closed.TokenLeaked());
        await closed.DisposeAsync();

        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => m.Contains(VkTestHost.Token, StringComparison.Ordinal));
    }
}
