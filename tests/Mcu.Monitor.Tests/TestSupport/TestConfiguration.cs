using Mcu.Monitor.Classification;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Configuration;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>The shipped configuration files (copied beside the tests), bound to options as the host does.</summary>
public static class TestConfiguration
{
    private static readonly Lazy<IConfiguration> Shipped = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json")
        .AddJsonFile("lexicon.json")
        .AddJsonFile("territory.json")
        .AddJsonFile("calendar.json")
        .AddJsonFile("answers.json")
        .Build());

    public static IConfiguration Configuration => Shipped.Value;

    public static ClassificationOptions Classification() => Bind<ClassificationOptions>(ClassificationOptions.SectionName);

    public static TerritoryOptions Territory() => Bind<TerritoryOptions>(TerritoryOptions.SectionName);

    public static RoutingOptions Routing() => Bind<RoutingOptions>(RoutingOptions.SectionName);

    public static T Bind<T>(string section) where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>The repository root, found from the test binaries, for files such as appsettings.example.json.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Mcu.Monitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Mcu.Monitor.sln not found above the test binaries");
    }
}
