using Mcu.Monitor.Alerts;
using Mcu.Monitor.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Vk;

public static class VkServiceCollectionExtensions
{
    /// <summary>
    /// The VK reader: options (<c>Sources:Vk</c>, validated at start-up), a named HTTP client without request
    /// logging (the token is a request parameter), the client, the community resolver and the source provider.
    /// Needs <see cref="IOperatorAlerts"/> and the municipality options, which the host registers.
    /// </summary>
    public static IServiceCollection AddVkSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<VkOptions>(configuration, VkOptions.SectionName, (_, o) => VkOptionsRules.Validate(o));
        services.TryAddSingleton(TimeProvider.System);

        // The client's own per-request timeout (VkOptions.RequestTimeout) governs, so it maps to VkApiException.
        services.AddHttpClient(VkApiClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new VkApiClient(
                () => factory.CreateClient(VkApiClient.HttpClientName),
                sp.GetRequiredService<IOptions<VkOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOperatorAlerts>(),
                sp.GetRequiredService<ILogger<VkApiClient>>());
        });
        services.AddSingleton<VkCommunityResolver>();
        services.AddSingleton<VkUnavailableCommunities>();
        services.AddSingleton<VkSourceProvider>();
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<VkSourceProvider>());
        return services;
    }
}
