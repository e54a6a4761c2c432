using Mcu.Monitor.Sources.Vk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddVkSources_NoCommunitiesOrQueries_NoSourcesAndNoTokenNeeded()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:ServiceToken"] = "" });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Empty(host.Definitions());
    }

    [Fact]
    public async Task AddVkSources_CommunitiesAndQueries_DefinesTheThreeSourcesWithTheirIntervals()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "alekseevka_online", ["Sources:Vk:Queries:0"] = "Иловка", ["Sources:Vk:PollInterval"] = "00:02:00" });

        var definitions = host.Definitions();

        Assert.Equal(["vk:walls", "vk:comments", "vk:search"], definitions.Select(d => d.Id));
        Assert.Equal(TimeSpan.FromMinutes(2), definitions[0].PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), definitions[1].PollInterval);
    }

    [Fact]
    public async Task AddVkSources_CommunitiesWithoutToken_StartupValidationNamesTheKeyAndEveryProblem()
    {
        await using var host = new VkTestHost(new()
        {
            ["Sources:Vk:ServiceToken"] = "",
            ["Sources:Vk:Communities:0"] = "7",
            ["Sources:Vk:Communities:1"] = "not a community!",
            ["Sources:Vk:ApiBaseUrl"] = "ftp://x",
            ["Sources:Vk:RequestsPerSecond"] = "0",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Sources:Vk:ServiceToken = ''", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources__Vk__ServiceToken", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Vk:Communities:1 = 'not a community!'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Vk:ApiBaseUrl = 'ftp://x'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Vk:RequestsPerSecond = '0'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddVkSources_ValidConfigurationWithToken_ValidatesWithoutEchoingTheToken()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:RequestsPerSecond"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.DoesNotContain(VkTestHost.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceToken", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123", 123L, null)]
    [InlineData("-123", 123L, null)]
    [InlineData("club123", 123L, null)]
    [InlineData("public77", 77L, null)]
    [InlineData("https://vk.com/alekseevka_online", null, "alekseevka_online")]
    [InlineData("vk.ru/alekseevka_online/", null, "alekseevka_online")]
    [InlineData("https://m.vk.com/club201234567?w=wall", 201234567L, null)]
    [InlineData("@alekseevka_online", null, "alekseevka_online")]
    public void VkCommunityRef_TryParse_AcceptsIdsNamesAndUrls(string value, long? id, string? screenName)
    {
        Assert.True(VkCommunityRef.TryParse(value, out var reference));
        Assert.Equal(id, reference.GroupId);
        Assert.Equal(screenName, reference.ScreenName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a community!")]
    [InlineData("https://example.com/x")]
    [InlineData("0")]
    public void VkCommunityRef_TryParse_RefusesGarbage(string value) => Assert.False(VkCommunityRef.TryParse(value, out _));
}
