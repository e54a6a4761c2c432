using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Spikes;

public static class SpikeServiceCollectionExtensions
{
    /// <summary>
    /// The spike detector, its watcher and notifier; the channel follows <c>Alerts:Channel</c> (the alert bot's chats of
    /// <c>Spikes:Recipient</c> for <c>telegram</c>, otherwise <paramref name="alertOutput"/>).
    /// </summary>
    public static IServiceCollection AddSpikes(this IServiceCollection services, IConfiguration configuration, TextWriter alertOutput)
    {
        services.AddValidatedOptions<SpikeOptions>(configuration, SpikeOptions.SectionName,
            (sp, o) => Validate(o, sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new SpikeDetector(sp.GetRequiredService<IOptions<SpikeOptions>>().Value));
        services.AddSingleton<SqliteSpikeStore>();
        services.AddSingleton<SpikeWatcher>();
        services.AddSingleton<ISpikeChannel>(sp => TelegramAlertsServiceCollectionExtensions.UsesTelegram(configuration)
            ? ActivatorUtilities.CreateInstance<TelegramSpikeChannel>(sp)
            : new ConsoleSpikeChannel(alertOutput, sp.GetRequiredService<IOptions<AlertsOptions>>(), sp.GetRequiredService<IOptions<MunicipalityOptions>>()));
        services.AddSingleton<SpikeNotifier>();
        return services;
    }

    internal static IEnumerable<string> Validate(SpikeOptions o, RoutingOptions routing)
    {
        foreach (var problem in o.Problems())
        {
            yield return problem;
        }

        if (o.Enabled && !routing.Recipients.Any(r => r.Id == o.Recipient))
        {
            yield return $"{SpikeOptions.SectionName}:Recipient = '{o.Recipient}': not a configured recipient (Routing:Recipients)";
        }
    }
}
