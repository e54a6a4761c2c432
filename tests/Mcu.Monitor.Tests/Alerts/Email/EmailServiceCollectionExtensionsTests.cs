using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Alerts.Email;

public class EmailServiceCollectionExtensionsTests
{
    private static readonly string ExampleFile = Path.Combine(TestConfiguration.RepositoryRoot(), "appsettings.example.json");

    private static IConfiguration Configuration(Dictionary<string, string?> overrides) => new ConfigurationBuilder()
        .AddJsonFile(ExampleFile)
        .AddInMemoryCollection(overrides)
        .Build();

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName));
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.SectionName));
        services.AddOptions<MunicipalityOptions>().Bind(configuration.GetSection(MunicipalityOptions.SectionName));
        services.AddEmailAlerts(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddEmailAlerts_ExampleFile_ListsEveryKeyAndIsValid()
    {
        var configuration = Configuration([]);
        using var services = Build(configuration);

        var keys = configuration.GetSection(EmailOptions.SectionName).GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal);
        Assert.Equal(typeof(EmailOptions).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal), keys);
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal("", options.Password); // the example file carries no secret
        Assert.IsType<ConfiguredRecipientContacts>(services.GetRequiredService<IRecipientContacts>());
        Assert.Equal("email", services.GetRequiredService<EmailAlertSender>().Channel);
    }

    [Fact]
    public void AddEmailAlerts_EnabledExample_IsValidAsShipped()
    {
        using var services = Build(Configuration(new() { ["Alerts:Email:Enabled"] = "true" }));

        Assert.True(services.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled);
    }

    [Fact]
    public void AddEmailAlerts_BadValues_FailNamingEveryKeyButNeverThePassword()
    {
        using var services = Build(Configuration(new()
        {
            ["Alerts:Email:Enabled"] = "true",
            ["Alerts:Email:From"] = "mcu.example.ru",
            ["Alerts:Email:Password"] = "SECRETVALUE",
            ["Alerts:Email:Security"] = "Tls",
            ["Routing:Recipients:0:Emails:0"] = "curator@",
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("Alerts:Email:From = 'mcu.example.ru': must be one e-mail address", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Email:Security = 'Tls': must be StartTls, SslOnConnect or None", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Email:UserName = '': is required with Alerts:Email:Password", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Routing:Recipients:0:Emails:0 = 'curator@'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", ex.Message, StringComparison.Ordinal);
    }
}
