using System.CommandLine;

namespace Mcu.Monitor.Cli;

/// <summary>The command line: <c>run</c>, <c>import</c>, <c>incidents list</c>, <c>classify</c>, <c>evaluate</c>, <c>model train</c>, <c>model evaluate</c>, <c>reclassify</c>, <c>query</c>, <c>sources list</c>, <c>es setup</c>, <c>index rebuild</c>, <c>kibana import</c>, <c>bench import</c>.</summary>
public static class MonitorCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var config = new Option<string?>("--config")
        {
            Description = "An extra JSON settings file that overrides appsettings.json",
            Recursive = true,
        };

        var root = new RootCommand("Mcu.Monitor: finds residents' appeals in VK, OK and Telegram and makes sure they are answered.")
        {
            config,
            RunCommand.Create(context, config),
            ImportCommand.Create(context, config),
            IncidentsCommand.Create(context, config),
            RecipientsCommand.Create(context, config),
            UsersCommand.Create(context, config),
            ClassifyCommand.Create(context, config),
            EvaluateCommand.Create(context, config),
            ModelCommand.Create(context, config),
            ReclassifyCommand.Create(context, config),
            QueryCommand.Create(context, config),
            SourcesCommand.Create(context, config),
            IndexingCommands.CreateEs(context, config),
            IndexingCommands.CreateIndex(context, config),
            KibanaCommand.Create(context, config),
            BenchCommand.Create(context, config),
            RatingCommand.Create(context, config),
            ReportCommand.Create(context, config),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"error: {parsed.Errors[0].Message} (see --help)");
            return CommandExecution.BadInput;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }
}
