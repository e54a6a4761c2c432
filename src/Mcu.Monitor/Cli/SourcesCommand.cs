using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary><c>sources list</c>: every enabled source in the one source model, with its last cursor, and the official accounts.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the enabled sources and the official accounts") { json };
        list.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var sources = host.Services.GetRequiredService<SourceCatalog>().Enabled();
            var cursors = host.Services.GetRequiredService<SqliteSourceRegistry>().CursorTimes();
            var official = host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value.OfficialAccounts;
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    sources = sources.Select(s => new { s.Id, s.Type, s.Address, s.DisplayName, s.PollInterval, lastRead = cursors.GetValueOrDefault(s.Id) }),
                    officialAccounts = official,
                }, CliJson.Options));
                return CommandExecution.Ok;
            }

            foreach (var s in sources)
            {
                var last = cursors.TryGetValue(s.Id, out var at) ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "never";
                await context.Output.WriteLineAsync($"{s.Id,-28} {s.Type,-9} every {s.PollInterval,-10} last read {last,-22} {s.DisplayName} — {s.Address}");
            }

            await context.Output.WriteLineAsync($"{sources.Count} source(s); official accounts: " +
                (official.Count == 0 ? "none" : string.Join(", ", official.Select(a => $"{a.Network}:{a.Owner} «{a.Name}»"))));
            return CommandExecution.Ok;
        }, ct));
        return new Command("sources", "Configured sources") { list };
    }
}
