using Mcu.Monitor.Alerts;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Sources.Telegram;

public class TelegramServiceCollectionExtensionsTests
{
    private readonly CollectingLogger _logs = new();

    [Fact]
    public void AddTelegramSources_NothingConfigured_NoSourceAndNoTokenNeeded()
    {
        using var services = Build([]);

        Assert.Empty(services.GetRequiredService<TelegramSourceProvider>().Sources());
        Assert.Contains(services.GetServices<ISourceProvider>(), p => p is TelegramSourceProvider);
    }

    [Fact]
    public void AddTelegramSources_ReadBotUpdatesWithoutToken_FailsNamingTheKey()
    {
        using var services = Build(new() { ["Sources:Telegram:ReadBotUpdates"] = "true" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Contains("Sources:Telegram:BotToken = '': is required when Sources:Telegram:ReadBotUpdates is true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTelegramSources_BadValues_AllReportedAtOnce_TokenNeverShown()
    {
        using var services = Build(new()
        {
            ["Sources:Telegram:BotToken"] = "not-a-token-SECRETVALUE",
            ["Sources:Telegram:PublicChannels:0"] = "@alekseevka",
            ["Sources:Telegram:PublicChannels:1"] = "good_channel",
            ["Sources:Telegram:PublicChannels:2"] = "Good_Channel",
            ["Sources:Telegram:DelayBetweenPages"] = "-00:00:01",
            ["Sources:Telegram:MaxPagesPerPoll"] = "0",
            ["Sources:Telegram:WebBaseUrl"] = "t.me",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Contains("Sources:Telegram:BotToken = '***': must look like <bot id>:<secret>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Telegram:PublicChannels:0 = '@alekseevka'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Telegram:PublicChannels = 'good_channel': channel is listed 2 times", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Telegram:DelayBetweenPages = '-00:00:01'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Telegram:MaxPagesPerPoll = '0'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Telegram:WebBaseUrl = 't.me'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTelegramSources_BotAndChannels_OneSourceEach()
    {
        using var services = Build(new()
        {
            ["Sources:Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Sources:Telegram:ReadBotUpdates"] = "true",
            ["Sources:Telegram:PollInterval"] = "00:02:00",
            ["Sources:Telegram:PublicChannels:0"] = "Alekseevka_News",
            ["Sources:Telegram:PublicChannels:1"] = "belgorod_region",
        });

        var sources = services.GetRequiredService<TelegramSourceProvider>().Sources().ToList();

        Assert.Equal(["telegram:bot", "telegram:web:alekseevka_news", "telegram:web:belgorod_region"], sources.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromMinutes(1), sources[0].PollInterval); // the bot: BotPollInterval's default
        Assert.All(sources.Skip(1), s => Assert.Equal(TimeSpan.FromMinutes(2), s.PollInterval));
        Assert.All(sources, s => Assert.Equal(s.Id, s.Create().Id));
    }

    [Theory]
    [InlineData(null, null, 1, 5)]
    [InlineData("00:00:30", null, 0.5, 5)]
    [InlineData(null, "00:10:00", 1, 10)]
    public void Sources_BotPolledEveryMinuteByDefault_ChannelsAtPollInterval(string? botInterval, string? pollInterval, double botMinutes, double channelMinutes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Sources:Telegram:ReadBotUpdates"] = "true",
            ["Sources:Telegram:PublicChannels:0"] = "alekseevka_news",
        };
        if (botInterval is not null)
        {
            settings["Sources:Telegram:BotPollInterval"] = botInterval;
        }

        if (pollInterval is not null)
        {
            settings["Sources:Telegram:PollInterval"] = pollInterval;
        }

        using var services = Build(settings);

        var sources = services.GetRequiredService<TelegramSourceProvider>().Sources().ToList();

        Assert.Equal(TimeSpan.FromMinutes(botMinutes), sources.Single(s => s.Id == "telegram:bot").PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(channelMinutes), sources.Single(s => s.Id == "telegram:web:alekseevka_news").PollInterval);
    }

    [Fact]
    public async Task BotHttpClient_RequestsAreNotLogged_TheTokenInTheUrlStaysOut()
    {
        await using var api = new FakeTelegramBotApi();
        api.Add(TelegramTestData.Update("update.message.text.json", 1));
        using var services = Build(new()
        {
            ["Sources:Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Sources:Telegram:ReadBotUpdates"] = "true",
            ["Sources:Telegram:BotApiBaseUrl"] = api.Server.BaseAddress.ToString(),
        });
        var definition = Assert.Single(services.GetRequiredService<TelegramSourceProvider>().Sources());

        var items = await TelegramBotUpdateSourceTests.ReadAll(definition.Create(), null);

        Assert.Single(items);
        Assert.Single(api.Server.Requests);
        Assert.NotEmpty(_logs.Lines); // the source's own log lines arrive...
        Assert.False(_logs.Contains(FakeTelegramBotApi.Token.Split(':')[1])); // ...and no HTTP request line with the token
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("/getUpdates", StringComparison.Ordinal));
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(_logs)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOperatorAlerts, CollectingOperatorAlerts>();
        services.AddTelegramSources(configuration);
        return services.BuildServiceProvider();
    }
}
