using Mcu.Monitor.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The process's one <see cref="MonitorMetrics"/>, also as the pipeline's <see cref="IPipelineMetrics"/>.</summary>
    public static IServiceCollection AddMonitorMetrics(this IServiceCollection services)
    {
        services.AddSingleton<SqliteStoreGauges>();
        services.AddSingleton<MonitorMetrics>();
        services.AddSingleton<IPipelineMetrics>(sp => sp.GetRequiredService<MonitorMetrics>());
        return services;
    }
}
