using System.CommandLine;
using System.Globalization;
using Mcu.Monitor.Kibana;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>kibana import [--path DIR]</c>: sends the saved objects (data views, Lens visualisations, dashboards) of
/// <c>deploy/kibana/*.ndjson</c> to Kibana's import API, overwriting by id; fails when Kibana refuses any object.
/// </summary>
internal static class KibanaCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var path = new Option<string?>("--path")
        {
            Description = "Folder of the *.ndjson files (default: Kibana:SavedObjectsPath, 'kibana' beside the executable)",
        };
        var import = new Command("import", "Import the dashboards and data views into Kibana (overwrites them by id)") { path };
        import.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false,
            (host, token) => ImportAsync(host.Services, context, parse.GetValue(path), token), ct));
        return new Command("kibana", "Kibana saved objects") { import };
    }

    /// <summary>The body of <c>kibana import</c>: 0 imported, 2 not configured or no files, 1 Kibana failed or refused objects.</summary>
    internal static async Task<int> ImportAsync(IServiceProvider services, CliContext context, string? path, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<KibanaOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            await context.Error.WriteLineAsync("error: Kibana is not configured: set Kibana:Url (environment Kibana__Url)");
            return CommandExecution.BadInput;
        }

        var importer = services.GetRequiredService<KibanaImporter>();
        var directory = path is null ? importer.DefaultDirectory : Path.GetFullPath(path);
        var files = KibanaImporter.FindFiles(directory);
        if (files.Count == 0)
        {
            await context.Error.WriteLineAsync($"error: no *.ndjson saved-object files in {directory}");
            return CommandExecution.BadInput;
        }

        try
        {
            var result = await importer.ImportAsync(files, cancellationToken);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Kibana: imported {result.SuccessCount} of {result.ObjectCount} saved objects from {result.Files.Count} files in {directory}"));
            return CommandExecution.Ok;
        }
        catch (KibanaImportException ex)
        {
            await context.Error.WriteLineAsync("error: " + ex.Message);
            return CommandExecution.Failed;
        }
    }
}
