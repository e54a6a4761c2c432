using Mcu.Monitor.Configuration;
using Mcu.Monitor.Sources.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>Registers the alert bot when <c>Alerts:Channel</c> is <c>telegram</c>.</summary>
public static class TelegramAlertsServiceCollectionExtensions
{
    public const string HttpClientName = "alert-bot";
    private const string Section = TelegramBotOptions.SectionName;

    /// <summary>True when the configuration sends alerts through the bot.</summary>
    public static bool UsesTelegram(IConfiguration configuration) =>
        string.Equals(configuration[$"{AlertsOptions.SectionName}:Channel"], TelegramAlertSender.ChannelName, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddTelegramAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelegramBotOptions>(configuration, Section, (sp, o) => Validate(
            o, sp.GetRequiredService<IOptions<AlertsOptions>>().Value, sp.GetRequiredService<IOptions<TelegramOptions>>().Value));
        if (!UsesTelegram(configuration))
        {
            return services;
        }

        // The Bot API puts the token in the URL path: no request logging on this client.
        services.AddHttpClient(HttpClientName).ConfigureHttpClient(http => http.Timeout = TimeSpan.FromSeconds(90)).RemoveAllLoggers();
        // The only ITelegramBotClient in the container: the source readers build their own bot client.
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value;
            var clientOptions = new TelegramBotClientOptions(o.BotToken, o.BotApiBaseUrl.TrimEnd('/'))
            {
                RetryThreshold = o.RetryThresholdSeconds,
                RetryCount = o.RetryCount,
            };
            return new TelegramBotClient(clientOptions, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        });
        services.AddSingleton<TelegramAlertSender>();
        services.AddSingleton<TelegramBotUpdates>();
        services.AddSingleton<TelegramBotService>();
        return services;
    }

    /// <summary>The token is never echoed: a problem with it shows <c>***</c>.</summary>
    internal static IEnumerable<string> Validate(TelegramBotOptions o, AlertsOptions alerts, TelegramOptions sources)
    {
        var used = string.Equals(alerts.Channel, TelegramAlertSender.ChannelName, StringComparison.OrdinalIgnoreCase);
        if (used && string.IsNullOrWhiteSpace(o.BotToken))
        {
            yield return $"{Section}:BotToken = '': is required when Alerts:Channel is 'telegram' (set the environment variable Alerts__Telegram__BotToken to the alert bot's token from @BotFather)";
        }
        else if (!string.IsNullOrWhiteSpace(o.BotToken) && !TelegramServiceCollectionExtensions.TokenShape().IsMatch(o.BotToken))
        {
            yield return $"{Section}:BotToken = '***': must look like <bot id>:<secret>, as @BotFather issues it";
        }
        else if (used && o.BotToken == sources.BotToken)
        {
            yield return $"{Section}:BotToken = '***': is the same bot as Sources:Telegram:BotToken; Telegram gives a bot's updates to one reader, so alerts need a bot of their own";
        }

        if (!Uri.TryCreate(o.BotApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Section}:BotApiBaseUrl = '{o.BotApiBaseUrl}': must be an absolute http or https URL";
        }
    }
}
