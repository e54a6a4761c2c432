using System.CommandLine;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>evaluate FILE --task sector|appeal|negative</c>: measures the classifier on a labelled CSV
/// (<c>text,&lt;label&gt;</c>), such as the evaluation sets that must never be trained on.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var file = new Argument<string>("FILE") { Description = "CSV with a header: text and a label column named after the task (sector: a sector id; appeal, negative: 1 or 0)" };
        var task = new Option<string>("--task") { Description = "sector, appeal or negative", DefaultValueFactory = _ => "sector" };
        task.AcceptOnlyFromAmong("sector", "appeal", "negative");
        var command = new Command("evaluate", "Measure the classifier on a labelled CSV") { file, task };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await context.Error.WriteLineAsync($"error: file not found: {Path.GetFullPath(path)}");
                return CommandExecution.BadInput;
            }

            var taskName = parse.GetValue(task)!;
            var classifier = host.Services.GetRequiredService<IPostClassifier>();
            var report = new ClassificationReport();
            using var reader = new StreamReader(path);
            foreach (var row in CsvReader.ReadWithHeader(reader))
            {
                token.ThrowIfCancellationRequested();
                if (!row.TryGetValue("text", out var text) || !row.TryGetValue(taskName, out var expected))
                {
                    await context.Error.WriteLineAsync($"error: {path} needs the columns text and {taskName}");
                    return CommandExecution.BadInput;
                }

                var result = classifier.Classify(text, Engagement.None);
                var predicted = taskName switch
                {
                    "sector" => result.Sector,
                    "appeal" => result.IsAppeal ? "1" : "0",
                    // the lexicon has no separate tone output: negative = a negative-tone or profanity term in the risk reasons
                    _ => result.Reasons.Any(r => r.StartsWith("риск", StringComparison.Ordinal) && (r.Contains("негатив", StringComparison.Ordinal) || r.Contains("брань", StringComparison.Ordinal))) ? "1" : "0",
                };
                report.Add(expected.Trim(), predicted);
            }

            var model = classifier switch
            {
                LexiconClassifier lexicon => lexicon.ModelVersion,
                Classification.Models.ModelClassifier ml => ml.ModelVersion,
                _ => classifier.GetType().Name,
            };
            await context.Output.WriteLineAsync($"{Path.GetFileName(path)}, task {taskName}, model {model}");
            await context.Output.WriteAsync(report.Format());
            return CommandExecution.Ok;
        }, ct));
        return command;
    }
}
