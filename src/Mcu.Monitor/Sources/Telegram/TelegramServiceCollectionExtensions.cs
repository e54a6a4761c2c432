using System.Text.RegularExpressions;
using Mcu.Monitor.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>Registers the Telegram sources (docs/sources/telegram.md).</summary>
public static partial class TelegramServiceCollectionExtensions
{
    private const string Section = TelegramOptions.SectionName;

    /// <summary>
    /// Binds and validates <c>Sources:Telegram</c>, registers the HTTP clients (the Bot API client logs no
    /// request lines: the token is in the URL path) and the <see cref="TelegramSourceProvider"/>.
    /// Needs <c>IOperatorAlerts</c>, <c>TimeProvider</c> and <c>MunicipalityOptions</c> from the host.
    /// </summary>
    public static IServiceCollection AddTelegramSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelegramOptions>(configuration, Section, (_, o) => Validate(o));

        services.AddHttpClient(TelegramSourceProvider.BotHttpClient)
            .ConfigureHttpClient((sp, http) =>
            {
                // getUpdates is a short poll (timeout 0), so the request timeout is only a network guard.
                http.Timeout = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.RequestTimeout;
            })
            .RemoveAllLoggers();
        services.AddHttpClient(TelegramSourceProvider.WebHttpClient)
            .ConfigureHttpClient((sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.RequestTimeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Mcu.Monitor/1.0 (municipal appeals monitoring)");
                http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
            });

        services.AddSingleton<TelegramSourceProvider>();
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<TelegramSourceProvider>());
        return services;
    }

    /// <summary>Cross-field rules. The token is never echoed: a problem with it shows <c>***</c>.</summary>
    internal static IEnumerable<string> Validate(TelegramOptions o)
    {
        if (o.ReadBotUpdates && string.IsNullOrWhiteSpace(o.BotToken))
        {
            yield return $"{Section}:BotToken = '': is required when {Section}:ReadBotUpdates is true "
                + "(set the environment variable Sources__Telegram__BotToken to the token from @BotFather)";
        }
        else if (!string.IsNullOrWhiteSpace(o.BotToken) && !TokenShape().IsMatch(o.BotToken))
        {
            yield return $"{Section}:BotToken = '***': must look like <bot id>:<secret>, as @BotFather issues it";
        }

        if (!IsHttpUrl(o.BotApiBaseUrl))
        {
            yield return $"{Section}:BotApiBaseUrl = '{o.BotApiBaseUrl}': must be an absolute http or https URL";
        }

        if (!IsHttpUrl(o.WebBaseUrl))
        {
            yield return $"{Section}:WebBaseUrl = '{o.WebBaseUrl}': must be an absolute http or https URL";
        }

        for (var i = 0; i < o.PublicChannels.Count; i++)
        {
            var channel = o.PublicChannels[i];
            if (channel is null || !TelegramMessageMapper.PublicUsername().IsMatch(channel))
            {
                yield return $"{Section}:PublicChannels:{i} = '{channel}': must be a channel username such as 'alekseevka_news' (4-32 latin letters, digits or '_', without '@' or 't.me/')";
            }
        }

        foreach (var duplicate in o.PublicChannels.Where(c => c is not null).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{Section}:PublicChannels = '{duplicate.Key}': channel is listed {duplicate.Count()} times";
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The shape Telegram.Bot accepts (it refuses any other): a numeric bot id, a colon, the secret.</summary>
    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    internal static partial Regex TokenShape();
}
