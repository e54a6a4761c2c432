using Mcu.Monitor.Alerts;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>Registers the Odnoklassniki reader (issue #3; docs/sources/ok.md).</summary>
public static class OkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the validated <see cref="OkOptions"/>, the OK HTTP client (its request logging removed: the token
    /// travels in every request), the API client and a source provider with one source per configured group.
    /// Needs <see cref="TimeProvider"/>, <see cref="IOperatorAlerts"/> and <see cref="MunicipalityOptions"/> registered.
    /// </summary>
    public static IServiceCollection AddOkSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OkOptions>(configuration, OkOptions.SectionName, (_, o) => Rules(o));
        services.AddHttpClient(OkApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton(sp => new OkApiClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<OkOptions>>(),
            sp.GetRequiredService<IOperatorAlerts>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OkApiClient>>()));
        services.AddSingleton<OkSourceProvider>();
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<OkSourceProvider>());
        return services;
    }

    /// <summary>
    /// Cross-field rules: keys are needed only when groups are read; group ids are unique. Secret values are
    /// never echoed — a missing one is shown as empty, which is all it is.
    /// </summary>
    internal static IEnumerable<string> Rules(OkOptions o)
    {
        const string Section = OkOptions.SectionName;
        if (o.Enabled && o.Groups.Any(g => g.Enabled))
        {
            if (string.IsNullOrWhiteSpace(o.ApplicationKey))
            {
                yield return $"{Section}:ApplicationKey = '': required when groups are configured (the application's public key)";
            }

            if (string.IsNullOrWhiteSpace(o.AccessToken))
            {
                yield return $"{Section}:AccessToken = '': required when groups are configured (set Sources__Ok__AccessToken)";
            }

            if (string.IsNullOrWhiteSpace(o.SecretKey) && string.IsNullOrWhiteSpace(o.SessionSecretKey))
            {
                yield return $"{Section}:SecretKey = '': required when groups are configured, unless {Section}:SessionSecretKey is set (set Sources__Ok__SecretKey)";
            }
        }

        foreach (var duplicate in o.Groups.GroupBy(g => g.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"{Section}:Groups = '{duplicate.Key}': group id is listed {duplicate.Count()} times";
        }

        if (o.MaxRetryDelay < o.RetryDelay)
        {
            yield return $"{Section}:MaxRetryDelay = '{o.MaxRetryDelay}': must not be shorter than {Section}:RetryDelay ({o.RetryDelay})";
        }
    }
}
