using System.CommandLine;
using System.Globalization;
using Mcu.Monitor.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary><c>es setup</c> (templates, ILM, aliases) and <c>index rebuild</c> (everything from SQLite into the index).</summary>
internal static class IndexingCommands
{
    public static Command CreateEs(CliContext context, Option<string?> config)
    {
        var setup = new Command("setup", "Put the component and index templates, the ILM retention policy, the incidents index and the aliases (idempotent)");
        setup.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
        {
            if (await NotEnabledAsync(context, host))
            {
                return CommandExecution.BadInput;
            }

            try
            {
                foreach (var step in await host.Services.GetRequiredService<ElasticsearchSetup>().RunAsync(token))
                {
                    await context.Output.WriteLineAsync(step);
                }
            }
            catch (ElasticsearchRequestException ex)
            {
                await context.Error.WriteLineAsync("error: es setup: " + ex.Message);
                return CommandExecution.Failed;
            }

            await context.Output.WriteLineAsync("Elasticsearch is set up");
            return CommandExecution.Ok;
        }, ct));
        return new Command("es", "Elasticsearch administration") { setup };
    }

    public static Command CreateIndex(CliContext context, Option<string?> config)
    {
        var rebuild = new Command("rebuild", "Send every post and incident from SQLite to Elasticsearch (after es setup, which it applies first)");
        rebuild.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, token) =>
        {
            if (await NotEnabledAsync(context, host))
            {
                return CommandExecution.BadInput;
            }

            IndexRebuildResult result;
            try
            {
                // Templates first: a month index created without them would get dynamic mappings for good.
                await host.Services.GetRequiredService<ElasticsearchSetup>().RunAsync(token);
                result = await host.Services.GetRequiredService<IndexRebuild>().RunAsync(token);
            }
            catch (ElasticsearchRequestException ex)
            {
                await context.Error.WriteLineAsync("error: index rebuild: " + ex.Message);
                return CommandExecution.Failed;
            }

            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Indexed: {result.Posts} posts, {result.Incidents} incidents; already current: {result.AlreadyCurrent}; refused (mapping errors): {result.Dead}; failed: {result.Failed}"));
            return result.Dead + result.Failed == 0 ? CommandExecution.Ok : CommandExecution.Failed;
        }, ct));
        return new Command("index", "The search index") { rebuild };
    }

    private static async Task<bool> NotEnabledAsync(CliContext context, IHost host)
    {
        if (host.Services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value.Enabled)
        {
            return false;
        }

        await context.Error.WriteLineAsync(
            $"error: Elasticsearch is not enabled: set {ElasticsearchOptions.SectionName}:Enabled = true with {ElasticsearchOptions.SectionName}:Url and credentials (see docs/elasticsearch.md)");
        return true;
    }
}
