using Mcu.Monitor.Answers;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The <c>Reports</c> options (validated at start), the metrics layer, the recipients' rating and the indicator report.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReportsOptions>(configuration, ReportsOptions.SectionName, (sp, o) => Validate(o, sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new ReportMetrics(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<WorkingCalendar>(),
            sp.GetRequiredService<IOptions<SourcesOptions>>().Value.OfficialAccounts,
            sp.GetRequiredService<IOptions<ReportsOptions>>().Value,
            sp.GetRequiredService<IOptions<RoutingOptions>>().Value,
            sp.GetRequiredService<ResidentReplyClassifier>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecipientRating(sp.GetRequiredService<ReportMetrics>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value.Deadlines));
        services.AddSingleton(sp => new IndicatorsReport(
            sp.GetRequiredService<ReportMetrics>(),
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value.Deadlines,
            sp.GetRequiredService<IOptions<ClassificationOptions>>().Value,
            sp.GetRequiredService<IOptions<MunicipalityOptions>>().Value));
        return services;
    }

    /// <summary>Cross-field rules: every problem, with its full key path and the bad value.</summary>
    public static IEnumerable<string> Validate(ReportsOptions options, RoutingOptions routing)
    {
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            yield return $"{ReportsOptions.SectionName}:OutputDirectory must not be empty";
        }

        if (!string.IsNullOrWhiteSpace(options.IndicatorsSchedule) && !IsCron(options.IndicatorsSchedule))
        {
            yield return $"{ReportsOptions.SectionName}:IndicatorsSchedule '{options.IndicatorsSchedule}' is not a Quartz cron expression (e.g. '0 0 6 1 * ?')";
        }

        foreach (var (recipient, page) in options.RecipientPages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (routing.Recipients.All(r => r.Id != recipient))
            {
                yield return $"{ReportsOptions.SectionName}:RecipientPages:{recipient}: no such recipient in Routing:Recipients";
            }

            if (!ReportMetrics.TryParsePage(page, out _, out _))
            {
                yield return $"{ReportsOptions.SectionName}:RecipientPages:{recipient} '{page}' must be network:owner, e.g. vk:-123456";
            }
        }
    }

    private static bool IsCron(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
