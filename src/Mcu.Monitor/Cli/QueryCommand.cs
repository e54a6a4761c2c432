using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>query</c>: the analytics lead's questions — full text plus filters, as a list of posts or counts by a field —
/// answered from SQLite, or from Elasticsearch when it is configured.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var text = new Option<string?>("--text") { Description = "Words to find (word forms match: «вода» finds «воды»)" };
        var sector = new Option<string?>("--sector") { Description = "Sector id (zhkh, tko, social, education, roads, transport, other)" };
        var minRisk = new Option<string?>("--min-risk") { Description = "Low, Medium, High or Critical: that level and above" };
        minRisk.AcceptOnlyFromAmong([.. Enum.GetNames<RiskLevel>()]);
        var locality = new Option<string?>("--locality") { Description = "Locality id (ilovka, alekseevka, …)" };
        var network = new Option<string?>("--network") { Description = "vk, ok or telegram" };
        network.AcceptOnlyFromAmong("vk", "ok", "telegram");
        var recipient = new Option<string?>("--recipient") { Description = "Recipient id of the post's incident" };
        var appeal = new Option<bool?>("--appeal") { Description = "true: appeals only; false: everything else" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Published at or after, e.g. 2026-11-01 (UTC unless an offset is given)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Published before" };
        var groupBy = new Option<string?>("--group-by") { Description = "Count by: " + string.Join(", ", PostQuery.GroupFields) };
        groupBy.AcceptOnlyFromAmong([.. PostQuery.GroupFields]);
        var limit = new Option<int>("--limit") { Description = "Most posts or groups to print", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Posts to skip before the first one printed (the next page)" };
        var exact = new Option<bool>("--exact") { Description = $"Count every matching post (by default counting stops at {PostQuery.DefaultCountUpTo} and prints N+)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("query", "Search stored posts and count them by a field")
        {
            text, sector, minRisk, locality, network, recipient, appeal, from, to, groupBy, limit, offset, exact, json,
        };
        offset.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--offset must be 0 or more");
            }
        });
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
        {
            var query = new PostQuery
            {
                Text = parse.GetValue(text),
                Sector = parse.GetValue(sector),
                MinRisk = parse.GetValue(minRisk),
                Locality = parse.GetValue(locality),
                Network = parse.GetValue(network),
                Recipient = parse.GetValue(recipient),
                Appeal = parse.GetValue(appeal),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                GroupBy = parse.GetValue(groupBy),
                Limit = Math.Max(1, parse.GetValue(limit)),
                Offset = parse.GetValue(offset),
                CountUpTo = parse.GetValue(exact) ? null : PostQuery.DefaultCountUpTo,
            };
            var search = host.Services.GetRequiredService<IPostSearch>();
            var result = await search.SearchAsync(query, token);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { backend = search.Backend, result.Total, result.TotalIsLowerBound, result.Posts, result.Groups }, CliJson.Options));
                return CommandExecution.Ok;
            }

            // «N+»: counting stopped at N (--exact counts them all)
            await context.Output.WriteLineAsync($"{result.Total}{(result.TotalIsLowerBound ? "+" : "")} post(s) match ({search.Backend})");
            foreach (var group in result.Groups)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{group.Count,8}  {group.Key}"));
            }

            foreach (var post in result.Posts)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{post.PublishedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {post.Network,-8} {post.Sector,-9} {post.RiskLevel,-8} {post.LocalityId ?? "-",-14} {post.Url ?? post.Id}"));
                await context.Output.WriteLineAsync("    " + post.Excerpt);
            }

            return CommandExecution.Ok;
        }, ct));
        return command;
    }
}
