using System.CommandLine;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.File;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary><c>import FILE</c>: reads a JSONL feed into the store; an interrupted import resumes where it stopped.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var file = new Argument<string>("FILE") { Description = "JSONL feed, one post or comment a line (README, «Feed format»)" };
        var fromStart = new Option<bool>("--from-start") { Description = "Read the whole file again instead of resuming; stored posts are still skipped" };
        var command = new Command("import", "Import posts from a JSONL file; incidents open and alerts are queued for `run`") { file, fromStart };
        command.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!System.IO.File.Exists(path))
            {
                await context.Error.WriteLineAsync($"error: file not found: {Path.GetFullPath(path)}");
                return CommandExecution.BadInput;
            }

            var files = host.Services.GetRequiredService<FileSourceProvider>();
            var runner = host.Services.GetRequiredService<SourceRunner>();
            var source = files.ForImport(path);
            var summary = parse.GetValue(fromStart)
                ? await host.Services.GetRequiredService<Pipeline.IngestPipeline>().RunAsync(source.Id, source.ReadAsync(null, token), token)
                : await runner.RunAsync(source, token);

            foreach (var problem in source.Problems)
            {
                await context.Error.WriteLineAsync($"{source.FilePath}:{problem.Line}: {(problem.Skipped ? "skipped" : "kept")}: {problem.Reason}");
            }

            await context.Output.WriteLineAsync($"Imported {source.FilePath}");
            await SummaryWriter.WriteAsync(context.Output, summary);
            return CommandExecution.Ok;
        }, ct));
        return command;
    }
}
