using System.Globalization;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EsMethod = Elastic.Transport.HttpMethod;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// <c>es setup</c>: the component templates from <c>deploy/elasticsearch/*.json</c>, the ILM retention policy, the
/// index templates, the incidents index with its alias and the posts alias. Idempotent: PUT is an upsert, an
/// existing index or alias is fine, so it runs at every worker start and from the command (ELASTIC.md §3.5–3.6).
/// </summary>
public sealed class ElasticsearchSetup(ElasticsearchClient client, IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchSetup> logger)
{
    private const string ManagedBy = "mcu-monitor";

    /// <summary>Applies everything; returns one line per step. Throws <see cref="ElasticsearchRequestException"/> on the first failure.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        foreach (var (method, path, body, tolerated) in await PlanAsync(cancellationToken))
        {
            var reply = await ElasticsearchRequests.SendAsync(client, method, path, body, cancellationToken);
            string step;
            if (reply.IsSuccess)
            {
                step = $"{method} {path}: ok";
            }
            else if (reply.ErrorType is { } type && tolerated.Contains(type, StringComparer.Ordinal))
            {
                step = $"{method} {path}: {Explain(type)}";
            }
            else
            {
                throw new ElasticsearchRequestException($"{method} {path} failed: {reply.Describe()}", reply.Exception);
            }

            IndexingLog.SetupStep(logger, step);
            steps.Add(step);
        }

        return steps;
    }

    /// <summary>The requests in order, with the error types each may meet without failing the setup.</summary>
    public async Task<IReadOnlyList<(EsMethod Method, string Path, string? Body, string[] Tolerated)>> PlanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var plan = new List<(EsMethod, string, string?, string[])>();
        foreach (var name in ElasticsearchTemplateFiles.ComponentTemplates)
        {
            plan.Add((EsMethod.PUT, "/_component_template/" + name, await ElasticsearchTemplateFiles.ReadAsync(name, cancellationToken), []));
        }

        plan.Add((EsMethod.PUT, "/_ilm/policy/" + IndexNames.PostsPolicy(o), PolicyBody(o), []));
        plan.Add((EsMethod.PUT, "/_index_template/" + IndexNames.PostsTemplate(o), PostsTemplateBody(o), []));
        plan.Add((EsMethod.PUT, "/_index_template/" + IndexNames.IncidentsTemplate(o), IncidentsTemplateBody(o), []));
        plan.Add((EsMethod.PUT, "/" + o.IncidentsIndex, "{}", ["resource_already_exists_exception"]));
        // The template aliases a newly created index; this also covers an index created before the template.
        plan.Add((EsMethod.PUT, $"/{o.IncidentsIndex}/_alias/{o.IncidentsAlias}", null, []));
        // Post indices created before the template (or by an older version) join the alias too; none yet is fine.
        var aliases = new JsonObject
        {
            ["actions"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["index"] = o.PostsIndexPrefix + "-*", ["alias"] = o.PostsAlias } }),
        };
        plan.Add((EsMethod.POST, "/_aliases", aliases.ToJsonString(), ["index_not_found_exception"]));
        return plan;
    }

    /// <summary>Only a delete phase: posts are not rolled over, each month has its own index (ELASTIC.md §3.5).</summary>
    public static string PolicyBody(ElasticsearchOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var policy = new JsonObject
        {
            ["policy"] = new JsonObject
            {
                ["phases"] = new JsonObject
                {
                    ["delete"] = new JsonObject
                    {
                        ["min_age"] = MinAge(o.PostRetention),
                        ["actions"] = new JsonObject { ["delete"] = new JsonObject() },
                    },
                },
                ["_meta"] = Meta("Deletes a month of posts after Elasticsearch:PostRetention, counted from the end of the month"),
            },
        };
        return policy.ToJsonString();
    }

    public static string PostsTemplateBody(ElasticsearchOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var template = new JsonObject
        {
            ["index_patterns"] = new JsonArray(o.PostsIndexPrefix + "-*"),
            ["composed_of"] = new JsonArray(ElasticsearchTemplateFiles.Settings, ElasticsearchTemplateFiles.PostsMappings),
            ["priority"] = 200,
            ["template"] = new JsonObject
            {
                ["settings"] = new JsonObject { ["index.lifecycle.name"] = IndexNames.PostsPolicy(o) },
                ["aliases"] = new JsonObject { [o.PostsAlias] = new JsonObject() },
            },
            ["_meta"] = Meta("Monthly post indices {prefix}-yyyy.MM, named from each post's publication month (UTC)"),
        };
        return template.ToJsonString();
    }

    public static string IncidentsTemplateBody(ElasticsearchOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var template = new JsonObject
        {
            ["index_patterns"] = new JsonArray(o.IncidentsIndex),
            ["composed_of"] = new JsonArray(ElasticsearchTemplateFiles.Settings, ElasticsearchTemplateFiles.IncidentsMappings),
            ["priority"] = 200,
            ["template"] = new JsonObject { ["aliases"] = new JsonObject { [o.IncidentsAlias] = new JsonObject() } },
            ["_meta"] = Meta("The incidents index behind its alias; a new mapping goes to a new -vN index"),
        };
        return template.ToJsonString();
    }

    /// <summary>ILM's time units: whole days as <c>365d</c>, anything finer in minutes.</summary>
    public static string MinAge(TimeSpan retention) => retention.Ticks % TimeSpan.TicksPerDay == 0
        ? ((long)retention.TotalDays).ToString(CultureInfo.InvariantCulture) + "d"
        : ((long)retention.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

    private static JsonObject Meta(string description) => new() { ["managed_by"] = ManagedBy, ["description"] = description };

    private static string Explain(string errorType) => errorType switch
    {
        "resource_already_exists_exception" => "already exists",
        "index_not_found_exception" => "no post index yet (new ones join the alias through the template)",
        _ => errorType,
    };
}
