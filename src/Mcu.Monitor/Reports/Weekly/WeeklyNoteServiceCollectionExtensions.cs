using Mcu.Monitor.Classification;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Reports.Weekly;

public static class WeeklyNoteServiceCollectionExtensions
{
    /// <summary>The <c>Reports:Weekly</c> options (validated at start), the note's builder and writer, and its scheduled delivery (the job is scheduled by <see cref="WeeklyNoteScheduler"/>).</summary>
    public static IServiceCollection AddWeeklyNote(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WeeklyNoteOptions>(configuration, WeeklyNoteOptions.SectionName,
            (sp, o) => Validate(o, sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new WeeklyNoteData(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<ReportMetrics>()));
        services.AddSingleton(sp => new WeeklyNoteBuilder(
            sp.GetRequiredService<ReportMetrics>(),
            sp.GetRequiredService<RecipientRating>(),
            sp.GetRequiredService<WeeklyNoteData>(),
            WeeklyNoteNames.From(
                sp.GetRequiredService<IOptions<ClassificationOptions>>().Value,
                sp.GetRequiredService<IOptions<TerritoryOptions>>().Value,
                sp.GetRequiredService<IOptions<RoutingOptions>>().Value),
            sp.GetRequiredService<IOptions<MunicipalityOptions>>().Value.Name,
            Zone(sp)));
        services.AddSingleton(sp => new WeeklyNoteWriter(sp.GetRequiredService<WeeklyNoteBuilder>()));
        services.AddSingleton(sp => new WeeklyNoteDelivery(
            sp.GetRequiredService<WeeklyNoteWriter>(),
            sp.GetRequiredService<RecipientDirectory>(),
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<WeeklyNoteOptions>>().Value,
            Zone(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WeeklyNoteDelivery>>(),
            sp.GetService<ITelegramBotClient>())); // registered only when Alerts:Channel is telegram
        services.AddSingleton(sp => new WeeklyNoteScheduler(
            sp.GetRequiredService<Quartz.ISchedulerFactory>(),
            sp.GetRequiredService<IOptions<WeeklyNoteOptions>>().Value,
            Zone(sp),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Cross-field rules: every problem, with its full key path and the bad value.</summary>
    public static IEnumerable<string> Validate(WeeklyNoteOptions options, RoutingOptions routing)
    {
        const string Section = WeeklyNoteOptions.SectionName;
        if (!IsCron(options.Cron))
        {
            yield return $"{Section}:Cron '{options.Cron}' is not a Quartz cron expression (e.g. '0 0 8 ? * MON')";
        }

        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            yield return $"{Section}:OutputDirectory must not be empty";
        }

        for (var i = 0; i < options.EffectiveRecipients.Count; i++)
        {
            var recipient = options.EffectiveRecipients[i];
            if (routing.Recipients.All(r => r.Id != recipient))
            {
                yield return $"{Section}:Recipients:{i} '{recipient}': no such recipient in Routing:Recipients";
            }
        }
    }

    private static TimeZoneInfo Zone(IServiceProvider sp) =>
        TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone);

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

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
