using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary><c>incidents list</c>: open work, most urgent first.</summary>
internal static class IncidentsCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var status = new Option<string?>("--status") { Description = "Only incidents in this status (New, Assigned, …)" };
        var limit = new Option<int>("--limit") { Description = "Most rows to print", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List incidents by deadline") { json, status, limit };
        list.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var rows = host.Services.GetRequiredService<SqliteIncidentQueries>().List(parse.GetValue(status), Math.Max(1, parse.GetValue(limit)));
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
                return CommandExecution.Ok;
            }

            await context.Output.WriteLineAsync($"{"id",5}  {"status",-8} {"priority",-8} {"risk",-8} {"sector",-9} {"locality",-17} {"recipient",-22} {"due (UTC)",-16}  post");
            foreach (var r in rows)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,5}  {r.Status,-8} {r.Priority,-8} {r.Risk,-8} {r.Sector,-9} {r.LocalityId ?? "-",-17} {r.RecipientId,-22} {r.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}  {r.PostUrl ?? r.PostKey}"));
            }

            await context.Output.WriteLineAsync($"{rows.Count} incident(s)");
            return CommandExecution.Ok;
        }, ct));
        return new Command("incidents", "Incidents opened for appeals") { list };
    }
}
