using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>incidents list</c>: open work, most urgent first; <c>incidents show ID</c>: one incident with its posts and
/// timeline; <c>incidents assign|take|answer|reject|reassign|close|reopen ID</c>: an officer's move, recorded with
/// the officer as actor.
/// </summary>
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
        var incidents = new Command("incidents", "Incidents opened for appeals") { list, Show(context, config) };
        // Dismiss and MergedInto take the post out of the incident too: only the console's triage (TriageService) makes them.
        foreach (var action in Enum.GetValues<IncidentAction>().Where(a => a is not (IncidentAction.Dismiss or IncidentAction.MergedInto)))
        {
            incidents.Subcommands.Add(Act(context, config, action));
        }

        return incidents;
    }

    private static Command Show(CliContext context, Option<string?> config)
    {
        var id = new Argument<long>("id") { Description = "Incident number" };
        var show = new Command("show", "One incident: its posts, the official answer and the timeline of events") { id };
        show.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var detail = host.Services.GetRequiredService<SqliteIncidentQueries>().Detail(parse.GetValue(id));
            if (detail is null)
            {
                await context.Error.WriteLineAsync($"Incident {parse.GetValue(id)} not found");
                return CommandExecution.BadInput;
            }

            var r = detail.Incident;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Incident #{r.Id}: {r.Status}, {r.Priority}, risk {r.Risk}, {r.Sector}, {r.LocalityId ?? "-"} → {r.RecipientId} ({r.RoutingReason})"));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  opened {r.OpenedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, reaction due {r.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}, answer due {detail.AnswerDueAt.UtcDateTime:yyyy-MM-dd HH:mm}, cycle {detail.Cycle}"));
            if (detail.AnswerScore is { } score)
            {
                await context.Output.WriteLineAsync($"  answer: {detail.AnswerPostKey ?? detail.AnswerText}, completeness {score}/100");
            }

            await context.Output.WriteLineAsync($"  posts ({detail.PostKeys.Count}): {string.Join(", ", detail.PostKeys)}");
            foreach (var e in detail.Events)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {e.At.UtcDateTime:yyyy-MM-dd HH:mm} {e.Type,-18} {e.Actor}  {e.Details}"));
            }

            return CommandExecution.Ok;
        }, ct));
        return show;
    }

    private static Command Act(CliContext context, Option<string?> config, IncidentAction action)
    {
        var id = new Argument<long>("id") { Description = "Incident number" };
        var actor = new Option<string>("--actor") { Description = "Who acts (recorded in the timeline)", DefaultValueFactory = _ => "officer:" + Environment.UserName };
        var reason = new Option<string?>("--reason") { Description = "Why (required for reject)" };
        var recipient = new Option<string?>("--to") { Description = "The new recipient (reassign)" };
        var answer = new Option<string?>("--text") { Description = "The answer's link or text (answer)" };
        var name = action switch
        {
            IncidentAction.TakeInWork => "take",
            _ => action.ToString().ToLowerInvariant(),
        };
        var command = new Command(name, $"Move an incident: {IncidentLifecycle.EventType(action)}") { id, actor, reason, recipient, answer };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var services = host.Services;
            var text = parse.GetValue(answer);
            var score = text is null ? null : services.GetRequiredService<IAnswerScorer>().Score(text, []);
            var result = services.GetRequiredService<IncidentService>().Execute(
                new IncidentCommand(parse.GetValue(id), action, parse.GetValue(actor)!, services.GetRequiredService<TimeProvider>().GetUtcNow())
                {
                    Reason = parse.GetValue(reason),
                    RecipientId = parse.GetValue(recipient),
                    AnswerText = text,
                    AnswerScore = score?.Score,
                    AnswerDetails = score?.DetailsJson,
                });
            await (result.Applied ? context.Output : context.Error).WriteLineAsync(result.Message);
            return result.Applied ? CommandExecution.Ok : CommandExecution.BadInput;
        }, ct));
        return command;
    }
}
