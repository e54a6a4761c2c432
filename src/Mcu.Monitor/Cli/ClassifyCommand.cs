using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Localities;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary><c>classify "text"</c>: sector, appeal, risk and locality of a text, and why.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var text = new Argument<string>("TEXT") { Description = "The text of a post or comment" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("classify", "Classify a text and explain the decision") { text, json };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var input = parse.GetValue(text) ?? "";
            var result = host.Services.GetRequiredService<IPostClassifier>().Classify(input, Engagement.None);
            var locality = host.Services.GetRequiredService<LocalityDetector>().Detect(input);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(
                    new { result.Sector, Appeal = result.IsAppeal, Risk = result.Risk.ToString(), result.RiskScore, Locality = locality, result.Reasons, result.ModelVersion },
                    CliJson.Options));
                return CommandExecution.Ok;
            }

            var output = context.Output;
            await output.WriteLineAsync($"sector:   {result.Sector}");
            await output.WriteLineAsync($"appeal:   {(result.IsAppeal ? "yes" : "no")}");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"risk:     {result.Risk} ({result.RiskScore:0.00})"));
            await output.WriteLineAsync($"locality: {(locality is null ? "-" : $"{locality.LocalityName} ({locality.LocalityId}), by «{locality.MatchedText}»")}");
            await output.WriteLineAsync($"model:    {result.ModelVersion}");
            await output.WriteLineAsync("why:");
            foreach (var reason in result.Reasons)
            {
                await output.WriteLineAsync("  - " + reason);
            }

            return CommandExecution.Ok;
        }, ct));
        return command;
    }
}
