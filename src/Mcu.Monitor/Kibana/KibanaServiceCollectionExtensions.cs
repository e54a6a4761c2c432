using Mcu.Monitor.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Kibana;

/// <summary>Registers the Kibana saved-objects import (issue #5; docs/deploy.md).</summary>
public static class KibanaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the validated <see cref="KibanaOptions"/>, the Kibana HTTP client (its request logging removed: it
    /// carries the credentials) and the importer. Needs <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddKibana(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KibanaOptions>(configuration, KibanaOptions.SectionName, (_, o) => Rules(o));
        // The importer applies Kibana:RequestTimeout per attempt; the client's own timeout would cut it short.
        services.AddHttpClient(KibanaImporter.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton(sp => new KibanaImporter(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<KibanaOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KibanaImporter>>()));
        return services;
    }

    /// <summary>
    /// Cross-field rules. Secret values are never echoed: a password or key in the wrong place is named, not shown.
    /// </summary>
    internal static IEnumerable<string> Rules(KibanaOptions o)
    {
        const string Section = KibanaOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(o.Url))
        {
            if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{Section}:Url = '{o.Url}': must be an absolute http or https URL such as http://kibana:5601";
            }
            else if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                yield return $"{Section}:Url = '***': must not carry credentials; set {Section}:Username and {Section}:Password (Kibana__Password)";
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                yield return $"{Section}:Url = '{o.Url}': must not have a query or fragment (the space goes in {Section}:SpaceId)";
            }
        }

        if (!string.IsNullOrEmpty(o.Username) && string.IsNullOrEmpty(o.Password))
        {
            yield return $"{Section}:Password = '': required with {Section}:Username (set Kibana__Password)";
        }

        if (string.IsNullOrEmpty(o.Username) && !string.IsNullOrEmpty(o.Password))
        {
            yield return $"{Section}:Username = '': required with {Section}:Password";
        }

        if (!string.IsNullOrEmpty(o.ApiKey) && !string.IsNullOrEmpty(o.Username))
        {
            yield return $"{Section}:ApiKey = '***': give either {Section}:ApiKey or {Section}:Username/Password, not both";
        }
    }
}
