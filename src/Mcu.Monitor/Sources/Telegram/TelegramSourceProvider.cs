using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// The configured Telegram sources: <c>telegram:bot</c> when <see cref="TelegramOptions.ReadBotUpdates"/> is on,
/// and <c>telegram:web:&lt;channel&gt;</c> for each of <see cref="TelegramOptions.PublicChannels"/>.
/// </summary>
public sealed class TelegramSourceProvider(
    IOptions<TelegramOptions> options,
    IOptions<MunicipalityOptions> municipality,
    IHttpClientFactory httpClients,
    IOperatorAlerts operatorAlerts,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ISourceProvider
{
    public const string BotHttpClient = "telegram-bot";
    public const string WebHttpClient = "telegram-web";

    public IEnumerable<SourceDefinition> Sources()
    {
        var o = options.Value;
        if (o.ReadBotUpdates)
        {
            yield return new SourceDefinition(TelegramBotUpdateSource.SourceId, o.BotPollInterval, CreateBotSource)
            {
                Type = "telegram",
                Address = "getUpdates",
                DisplayName = "Telegram: чаты и каналы бота",
            };
        }

        foreach (var channel in o.PublicChannels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return new SourceDefinition(
                TelegramWebChannelSource.IdPrefix + channel.ToLowerInvariant(), o.PollInterval, () => CreateWebSource(channel))
            {
                Type = "telegram",
                Address = new Uri(new Uri(o.WebBaseUrl), "s/" + channel).ToString(),
                DisplayName = "Telegram: @" + channel,
            };
        }
    }

    public TelegramBotUpdateSource CreateBotSource()
    {
        var o = options.Value;
        // The official address is the library's default; passing it would switch the library to "local server" mode.
        var baseUrl = string.Equals(o.BotApiBaseUrl.TrimEnd('/'), TelegramOptions.DefaultBotApiBaseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : o.BotApiBaseUrl;
        var bot = new TelegramBotClient(new TelegramBotClientOptions(o.BotToken, baseUrl), httpClients.CreateClient(BotHttpClient));
        return new TelegramBotUpdateSource(bot, municipality.Value.Id, operatorAlerts, loggerFactory.CreateLogger<TelegramBotUpdateSource>(), o.BotToken);
    }

    public TelegramWebChannelSource CreateWebSource(string channel)
    {
        var o = options.Value;
        var client = new TelegramWebClient(httpClients.CreateClient(WebHttpClient), WebBaseUri(o));
        return new TelegramWebChannelSource(
            channel, client, o, municipality.Value.Id, operatorAlerts, time, loggerFactory.CreateLogger<TelegramWebChannelSource>());
    }

    /// <summary>The base address with a trailing slash, so relative page paths land under it.</summary>
    internal static Uri WebBaseUri(TelegramOptions o) => new(o.WebBaseUrl.EndsWith('/') ? o.WebBaseUrl : o.WebBaseUrl + "/");
}
