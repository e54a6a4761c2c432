using Mcu.Monitor.Configuration;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>Registers the e-mail alert channel (issue #6); the alert routing decides when to use it.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the validated <see cref="EmailOptions"/> (checked with the recipients' addresses in <c>Routing</c>),
    /// <see cref="IRecipientContacts"/> from configuration unless one is registered, and <see cref="EmailAlertSender"/>
    /// as itself, not as the <see cref="IAlertSender"/>: it is the fallback, which the routing sender picks. Needs
    /// <see cref="TimeProvider"/>, <c>RoutingOptions</c>, <c>AlertsOptions</c> and <c>MunicipalityOptions</c>.
    /// </summary>
    public static IServiceCollection AddEmailAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmailOptions>(
            configuration,
            EmailOptions.SectionName,
            (sp, o) => EmailOptionsRules.Validate(o, sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.TryAddSingleton<IRecipientContacts, ConfiguredRecipientContacts>();
        services.AddSingleton<EmailAlertSender>();
        return services;
    }
}
