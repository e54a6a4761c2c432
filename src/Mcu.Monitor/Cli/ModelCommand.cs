using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Evaluation;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>model train</c> builds the ML.NET models from the corpus, extra labelled files and officers' corrections;
/// <c>model evaluate</c> measures one model on a labelled CSV (<c>text,&lt;label&gt;</c>).
/// </summary>
internal static class ModelCommand
{
    public static Command Create(CliContext context, Option<string?> config) =>
        new("model", "Train and evaluate the ML.NET classification models") { CreateTrain(context, config), CreateEvaluate(context, config) };

    private static Command CreateTrain(CliContext context, Option<string?> config)
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder of the training corpus (*.jsonl)", DefaultValueFactory = _ => "data/corpus" };
        var extra = new Option<string[]>("--extra") { Description = "More labelled files: CSV with a header text,<label> or JSONL of the corpus schema", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder to write the models to", DefaultValueFactory = _ => "models" };
        var seed = new Option<int>("--seed") { Description = "Random seed (folds, trainers)", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        var noFeedback = new Option<bool>("--no-feedback") { Description = "Leave out the officers' corrections stored in the database" };
        var command = new Command("train", "Train every model, choosing trainers by cross-validation, and write them with a model card")
        {
            corpus, extra, output, seed, folds, noFeedback,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(folds) is < 2 or > 20)
            {
                await context.Error.WriteLineAsync("error: --folds must be between 2 and 20");
                return CommandExecution.BadInput;
            }

            // Training must not need the models it is about to make.
            var overrides = new Dictionary<string, string?>(context.Overrides ?? new Dictionary<string, string?>())
            {
                ["Classification:Models:Enabled"] = "false",
            };
            return await CommandExecution.ExecuteAsync(context with { Overrides = overrides }, parse.GetValue(config), worker: false, async (host, token) =>
            {
                var classification = host.Services.GetRequiredService<IOptions<ClassificationOptions>>().Value;
                var lexicon = new LexiconClassifier(classification);
                var sectors = lexicon.SectorOrder.ToList();
                if (!sectors.Contains(Sectors.Other))
                {
                    sectors.Add(Sectors.Other);
                }

                var sectorSet = sectors.ToHashSet(StringComparer.Ordinal);
                var data = new TrainingData();
                data.AddCorpusDirectory(parse.GetValue(corpus)!, sectorSet);
                foreach (var file in parse.GetValue(extra) ?? [])
                {
                    data.AddFile(file, sectorSet);
                }

                if (!parse.GetValue(noFeedback))
                {
                    using var connection = host.Services.GetRequiredService<SqliteDatabase>().Open();
                    data.AddFeedback(connection, sectorSet);
                }

                foreach (var warning in data.Warnings.Take(20))
                {
                    await context.Error.WriteLineAsync("warning: " + warning);
                }

                if (data.Warnings.Count > 20)
                {
                    await context.Error.WriteLineAsync($"warning: … and {data.Warnings.Count - 20} more skipped lines");
                }

                await context.Output.WriteLineAsync($"training data: {data.Texts.Count} texts from {data.Files.Count} files and {data.FeedbackRows} feedback rows, SHA-256 {data.Sha256()}");
                var trainer = new ModelTrainer(lexicon, context.Output) { Seed = parse.GetValue(seed), Folds = parse.GetValue(folds) };
                token.ThrowIfCancellationRequested();
                var result = trainer.Train(data.Texts, sectors);
                var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
                var directory = Path.GetFullPath(parse.GetValue(output)!);
                var card = ModelPublisher.Save(result, directory, data, lexicon, trainer, now);
                await context.Output.WriteLineAsync($"models {card.Version} written to {directory}:");
                foreach (var (name, entry) in card.Models)
                {
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {name,-14} {entry.Trainer}, cross-validated accuracy {entry.CrossValidation.Accuracy:0.000}, macro-F1 {entry.CrossValidation.MacroF1:0.000}{(entry.Classes.Count == 2 ? $", F1(1) {entry.CrossValidation.PerClass["1"].F1:0.000} at threshold {entry.Threshold:0.00}" : "")}"));
                }

                return CommandExecution.Ok;
            }, ct);
        });
        return command;
    }

    private static Command CreateEvaluate(CliContext context, Option<string?> config)
    {
        var model = new Option<string>("--model") { Description = "sector, appeal, negative or inappropriate", Required = true };
        model.AcceptOnlyFromAmong(ModelFiles.Names);
        var data = new Option<string>("--data") { Description = "CSV with a header: text and a column named after the model (sector id, or 1/0)", Required = true };
        var json = new Option<bool>("--json") { Description = "End with one line of JSON: model, n, accuracy, macroF1, perClass" };
        var models = new Option<string?>("--models") { Description = "Model folder (default: Classification:Models:Directory)" };
        var record = new Option<bool>("--record") { Description = "Record the result in the folder's model-card.json and README.md" };
        var command = new Command("evaluate", "Measure one model on a labelled CSV: accuracy, macro-F1, per-class precision/recall/F1, confusion matrix")
        {
            model, data, json, models, record,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(data)!;
            if (!File.Exists(path))
            {
                await context.Error.WriteLineAsync($"error: file not found: {Path.GetFullPath(path)}");
                return CommandExecution.BadInput;
            }

            var overrides = new Dictionary<string, string?>(context.Overrides ?? new Dictionary<string, string?>())
            {
                ["Classification:Models:Enabled"] = "true",
                ["Classification:Models:FallbackToLexicon"] = "false",
            };
            if (parse.GetValue(models) is { } folder)
            {
                overrides["Classification:Models:Directory"] = Path.GetFullPath(folder);
            }

            return await CommandExecution.ExecuteAsync(context with { Overrides = overrides }, parse.GetValue(config), worker: false, async (host, token) =>
            {
                var name = parse.GetValue(model)!;
                var classifier = (ModelClassifier)host.Services.GetRequiredService<IPostClassifier>();
                var report = new ClassificationReport();
                using (var reader = new StreamReader(path))
                {
                    foreach (var row in CsvReader.ReadWithHeader(reader))
                    {
                        token.ThrowIfCancellationRequested();
                        if (!row.TryGetValue("text", out var text) || !row.TryGetValue(name, out var expected))
                        {
                            await context.Error.WriteLineAsync($"error: {path} needs the columns text and {name}");
                            return CommandExecution.BadInput;
                        }

                        report.Add(expected.Trim(), Predict(classifier, name, text));
                    }
                }

                var classes = ((IEnumerable<string>)Model(classifier.Models, name).Classes).Union(report.Labels).Distinct().ToList();
                var metrics = ModelTrainer.Metrics(report);
                var perClass = classes.Order(StringComparer.Ordinal).ToDictionary(c => c, c =>
                {
                    var (p, r, f1, support) = report.For(c);
                    return new { precision = Math.Round(p, 4), recall = Math.Round(r, 4), f1 = Math.Round(f1, 4), support };
                }, StringComparer.Ordinal);

                await context.Output.WriteLineAsync($"{Path.GetFileName(path)}, model {name} ({classifier.ModelVersion})");
                await context.Output.WriteAsync(report.Format());
                await context.Output.WriteAsync(report.FormatConfusion(classes.Order(StringComparer.Ordinal).ToList()));
                if (parse.GetValue(record))
                {
                    var directory = ModelFiles.ResolveDirectory(host.Services.GetRequiredService<IOptions<ClassificationOptions>>().Value.Models.Directory);
                    var card = ModelFiles.ReadCard(directory);
                    var evaluation = new ModelCardEvaluation
                    {
                        Model = name,
                        Data = Path.GetFileName(path),
                        DataSha256 = ModelFiles.Sha256(path),
                        Command = $"dotnet run --project src/Mcu.Monitor -- model evaluate --model {name} --data {path}",
                        Metrics = metrics,
                        MeasuredAt = host.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                    };
                    card.Evaluations[name + ":" + Path.GetFileName(path)] = evaluation;
                    ModelFiles.WriteCard(directory, card);
                    ModelCardReadme.Write(directory, card);
                    await context.Output.WriteLineAsync($"recorded in {Path.Combine(directory, ModelFiles.CardFile)}");
                }

                if (parse.GetValue(json))
                {
                    await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        model = name,
                        n = report.Total,
                        accuracy = Math.Round(report.Accuracy, 4),
                        macroF1 = Math.Round(report.MacroF1, 4),
                        perClass,
                    }));
                }

                return CommandExecution.Ok;
            }, ct);
        });
        return command;
    }

    private static LinearModel Model(ModelSet models, string name) => name switch
    {
        ModelFiles.Sector => models.Sector,
        ModelFiles.Appeal => models.Appeal,
        ModelFiles.Negative => models.Negative,
        _ => models.Inappropriate,
    };

    /// <summary>The model's own answer (no parent post, no official-account rule): what the label column measures.</summary>
    internal static string Predict(ModelClassifier classifier, string model, string text)
    {
        var prediction = classifier.Classify(text, Engagement.None, parent: null, explain: false);
        var models = classifier.Models;
        return model switch
        {
            ModelFiles.Sector => prediction.ModelSector,
            ModelFiles.Appeal => prediction.AppealProbability >= models.AppealThreshold ? "1" : "0",
            ModelFiles.Negative => prediction.NegativeProbability >= models.NegativeThreshold ? "1" : "0",
            _ => prediction.InappropriateProbability >= models.InappropriateThreshold ? "1" : "0",
        };
    }
}
