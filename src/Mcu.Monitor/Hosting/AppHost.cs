using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Answers;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Indexing;
using Mcu.Monitor.Kibana;
using Mcu.Monitor.Localities;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Reports.Weekly;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Scheduling;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.File;
using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Sources.Vk;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Triage;
using Mcu.Monitor.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;

namespace Mcu.Monitor.Hosting;

/// <summary>
/// Composes the application. Configuration, in order (later wins): <c>appsettings.json</c>,
/// <c>lexicon.json</c>, <c>territory.json</c> and <c>calendar.json</c> beside the executable, <c>appsettings.{Environment}.json</c>,
/// the <c>--config</c> file, user secrets (<c>dotnet user-secrets</c>, in the Development environment), environment
/// variables (<c>Storage__DatabasePath</c>).
/// </summary>
public static class AppHost
{
    public static IHost Build(AppHostSettings settings)
    {
        var environmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        var configuration = ReadConfiguration(settings, environmentName);

        // The web console (issue #8) turns the host into an ASP.NET Core one; every other command keeps the plain host.
        var web = settings.WebConsole && configuration.GetValue(WebConsoleOptions.SectionName + ":" + nameof(WebConsoleOptions.Enabled), true);
        IHostApplicationBuilder builder = web
            ? WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
                EnvironmentName = environmentName,
                Args = [],
            })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = environmentName,
                Args = [],
            });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);

        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext());
        builder.Services.AddMonitor(configuration, settings.AlertOutput ?? Console.Out);

        if (settings.Worker)
        {
            builder.Services.AddScheduling();
            builder.Services.AddHostedService<AlertDispatcherService>();
            if (TelegramAlertsServiceCollectionExtensions.UsesTelegram(configuration))
            {
                builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramBotService>());
            }

            builder.Services.AddHostedService<IndexerService>(); // returns at once when Elasticsearch is not enabled
        }

        if (builder is WebApplicationBuilder webBuilder)
        {
            webBuilder.AddWebConsole(configuration);
            var app = webBuilder.Build();
            app.MapWebConsole();
            return app;
        }

        return ((HostApplicationBuilder)builder).Build();
    }

    /// <summary>The configuration sources, in order (later wins); read before the host so it can decide whether to serve the console.</summary>
    private static IConfigurationRoot ReadConfiguration(AppHostSettings settings, string environmentName)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile("lexicon.json", optional: true)
            .AddJsonFile("territory.json", optional: true)
            .AddJsonFile("calendar.json", optional: true)
            .AddJsonFile("answers.json", optional: true)
            .AddJsonFile($"appsettings.{environmentName}.json", optional: true);
        if (settings.ConfigFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false);
        }

        // Secrets (tokens, keys, passwords) come from user secrets on a development machine (as .NET does, only in
        // the Development environment) or from environment variables, never from committed files.
        if (environmentName == Environments.Development)
        {
            configuration.AddUserSecrets(typeof(AppHost).Assembly, optional: true);
        }

        configuration.AddEnvironmentVariables();
        if (settings.Overrides is not null)
        {
            configuration.AddInMemoryCollection(settings.Overrides);
        }

        return configuration.Build();
    }

    /// <summary>Every service of the product except the hosted ones (those come with <see cref="AppHostSettings.Worker"/>).</summary>
    public static IServiceCollection AddMonitor(this IServiceCollection services, IConfiguration configuration, TextWriter alertOutput)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMonitorMetrics(); // issue #8: /metrics of the web console

        services.AddValidatedOptions<MunicipalityOptions>(configuration, MunicipalityOptions.SectionName, (_, o) => ConfigurationRules.Municipality(o));
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.SectionName);
        services.AddValidatedOptions<PipelineOptions>(configuration, PipelineOptions.SectionName);
        services.AddValidatedOptions<ClassificationOptions>(configuration, ClassificationOptions.SectionName, (sp, o) =>
            ConfigurationRules.Classification(o).Concat(sp.GetRequiredService<LoadedModels>().Rules(o)));
        services.AddValidatedOptions<TerritoryOptions>(configuration, TerritoryOptions.SectionName, (_, o) => ConfigurationRules.Territory(o));
        services.AddValidatedOptions<RoutingOptions>(configuration, RoutingOptions.SectionName, (sp, o) => ConfigurationRules.Routing(
            o, sp.GetRequiredService<IOptions<ClassificationOptions>>().Value, sp.GetRequiredService<IOptions<TerritoryOptions>>().Value));
        services.AddValidatedOptions<IncidentOptions>(configuration, IncidentOptions.SectionName, (sp, o) => ConfigurationRules.IncidentRules(
            o, sp.GetRequiredService<IOptions<ClassificationOptions>>().Value));
        services.AddValidatedOptions<WorkingCalendarOptions>(configuration, WorkingCalendarOptions.SectionName, (_, o) => ConfigurationRules.WorkingCalendar(o));
        services.AddValidatedOptions<AlertsOptions>(configuration, AlertsOptions.SectionName);
        services.AddValidatedOptions<SourcesOptions>(configuration, SourcesOptions.SectionName, (_, o) => ConfigurationRules.Sources(o, FileSourceProvider.ResolvePath));

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton(sp => new SqlitePostStore(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<MunicipalityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value.Merge,
            sp.GetRequiredService<LocalityDetector>().IsPlaceWord,
            new ThreadAnswers(sp.GetRequiredService<OfficialAnswerDetector>(), sp.GetRequiredService<ResidentReplyClassifier>(), sp.GetRequiredService<IncidentTransitions>())));
        services.AddSingleton<IPostStore>(sp => sp.GetRequiredService<SqlitePostStore>());
        services.AddSingleton<SqliteIncidentQueries>();
        services.AddSingleton<SqliteRetention>();
        services.AddSingleton<SqliteIndexOutbox>();
        services.AddSingleton<SqliteSourceRegistry>();
        services.AddSingleton<SqlitePostSearch>();
        services.AddIndexing(configuration);
        // `query` answers from Elasticsearch when it is configured, from SQLite (FTS5) otherwise.
        services.AddSingleton<IPostSearch>(sp => sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value.Enabled
            ? sp.GetRequiredService<ElasticsearchPostSearch>()
            : sp.GetRequiredService<SqlitePostSearch>());

        // The ML.NET models of issue #4, loaded once; the lexicon when they are disabled (or unreadable, with FallbackToLexicon).
        services.AddSingleton<LoadedModels>();
        services.AddSingleton<IPostClassifier>(sp =>
            sp.GetRequiredService<LoadedModels>().Get(sp.GetRequiredService<IOptions<ClassificationOptions>>().Value).Classifier);
        services.AddSingleton(sp => new LocalityDetector(sp.GetRequiredService<IOptions<TerritoryOptions>>().Value));
        services.AddSingleton(sp => new Router(sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new WorkingCalendar(
            sp.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value,
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<MunicipalityOptions>>().Value.TimeZone)));
        services.AddSingleton(sp => new IncidentClock(
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value.Deadlines, sp.GetRequiredService<WorkingCalendar>(), sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new IncidentPlanner(
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value, sp.GetRequiredService<Router>(), sp.GetRequiredService<WorkingCalendar>(), sp.GetRequiredService<IncidentClock>()));
        services.AddSingleton(sp => new IncidentTransitions(sp.GetRequiredService<IncidentClock>(), sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton(sp => new DeadlineRules(sp.GetRequiredService<IncidentClock>(), sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton<IncidentService>();
        // The operator console's queue, decisions and incident pages (issue #8).
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<TriageService>();
        services.AddSingleton<IncidentBoard>();
        services.AddSingleton<DeadlineWatcher>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        services.AddSingleton(sp => new OfficialAccounts(sp.GetRequiredService<IOptions<SourcesOptions>>().Value.OfficialAccounts));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IngestPipeline>(sp, sp.GetRequiredService<OfficialAccounts>()));

        services.AddSingleton<FileSourceProvider>();
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<FileSourceProvider>());
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<SourceRunner>();

        services.AddSingleton<SqliteAlertOutbox>();
        services.AddSingleton<AlertDeliveries>();
        services.AddSingleton<RecipientDirectory>();
        services.AddValidatedOptions<AnswerRubricOptions>(configuration, AnswerRubricOptions.SectionName);
        services.AddValidatedOptions<OfficialAnswerOptions>(configuration, OfficialAnswerOptions.SectionName);
        services.AddValidatedOptions<ResidentReplyOptions>(configuration, ResidentReplyOptions.SectionName);
        services.AddSingleton(sp => new AnswerRubric(sp.GetRequiredService<IOptions<AnswerRubricOptions>>().Value));
        services.AddSingleton(sp => new OfficialAnswerDetector(
            sp.GetRequiredService<IOptions<OfficialAnswerOptions>>().Value, sp.GetRequiredService<AnswerRubric>(), sp.GetRequiredService<OfficialAccounts>()));
        services.AddSingleton(sp => new ResidentReplyClassifier(sp.GetRequiredService<IOptions<ResidentReplyOptions>>().Value));
        services.AddSingleton<IAnswerScorer, RubricAnswerScorer>();
        services.AddTelegramAlerts(configuration);
        services.AddEmailAlerts(configuration);
        // Telegram with the e-mail fallback when the bot is configured; the console otherwise.
        services.AddSingleton<IAlertSender>(sp => TelegramAlertsServiceCollectionExtensions.UsesTelegram(configuration)
            ? new FallbackAlertSender(sp.GetRequiredService<TelegramAlertSender>(), sp.GetRequiredService<EmailAlertSender>(),
                sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<TimeProvider>())
            : new ConsoleAlertSender(alertOutput, sp.GetRequiredService<IOptions<AlertsOptions>>(), sp.GetRequiredService<IOptions<MunicipalityOptions>>()));
        services.AddSingleton<AlertDispatcher>();
        services.AddSpikes(configuration, alertOutput); // information-risk spikes to the head (issue #7 item 5)
        services.AddSingleton<IOperatorAlerts>(sp => new OperatorAlerts(
            alertOutput, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OperatorAlerts>>()));

        // Network readers (issue #3): each registers its own options section and ISourceProvider.
        services.AddVkSources(configuration);
        services.AddOkSources(configuration);
        services.AddTelegramSources(configuration);

        // Console accounts and their options live here too: `users` manages them without the web host.
        services.AddValidatedOptions<WebConsoleOptions>(configuration, WebConsoleOptions.SectionName, (_, o) => ConsoleRules.Validate(o));
        services.AddSingleton<Web.Accounts.ConsoleAccounts>();

        services.AddKibana(configuration);
        services.AddReports(configuration);
        services.AddWeeklyNote(configuration);
        return services;
    }

    /// <summary>
    /// Validates every options section now (all problems in one exception) and prepares the database, so a
    /// bad configuration or an unreadable database stops the command before it does anything.
    /// </summary>
    public static void Prepare(IHost host)
    {
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        host.Services.GetRequiredService<SqliteDatabase>().EnsureCreated();
    }
}
