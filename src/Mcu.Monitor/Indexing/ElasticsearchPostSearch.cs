using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// <see cref="IPostSearch"/> on Elasticsearch, with the semantics of <see cref="SqlitePostSearch"/>: all words of
/// the text must match <c>text</c> (the <c>ru_text</c> analyzer stems Russian word forms and folds ё), the same
/// filters, and counts by the same fields through a <c>terms</c> aggregation on keyword fields (largest first, then
/// by key) or, for <c>day</c>, a UTC <c>date_histogram</c>. Read through the posts alias.
/// </summary>
public sealed class ElasticsearchPostSearch(ElasticsearchClient client, IOptions<ElasticsearchOptions> options) : IPostSearch
{
    /// <summary>The key of posts without a value (no locality, no incident), as SQLite shows it.</summary>
    public const string Missing = "(нет)";

    private const string GroupsAggregation = "groups";

    private static readonly string[] SourceFields =
    [
        "id", "published_at", "network", "sector", "risk_level", "locality_id", "appeal", "recipient_id", "url", "text",
        "source", "risk_score", "incident_id", "reasons",
    ];

    public string Backend => "elasticsearch";

    public async Task<QueryResult> SearchAsync(PostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = BuildRequestBody(query);
        var path = "/" + options.Value.PostsAlias + "/_search";
        var reply = await ElasticsearchRequests.SendAsync(client, Elastic.Transport.HttpMethod.POST, path, body, cancellationToken);
        if (reply.Status == 404 && reply.ErrorType == "index_not_found_exception")
        {
            return new QueryResult(0, [], []); // nothing indexed yet
        }

        if (!reply.IsSuccess)
        {
            throw new ElasticsearchRequestException($"search in {options.Value.PostsAlias} failed: {reply.Describe()}", reply.Exception);
        }

        return ParseResponse(query, reply.Body);
    }

    /// <summary>The <c>_search</c> body for <paramref name="query"/>.</summary>
    public static string BuildRequestBody(PostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Max(1, query.Limit);
        var must = new JsonArray();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            must.Add(new JsonObject { ["match"] = new JsonObject { ["text"] = new JsonObject { ["query"] = query.Text, ["operator"] = "and" } } });
        }

        var filter = new JsonArray();
        void Term(string field, JsonNode value) => filter.Add(new JsonObject { ["term"] = new JsonObject { [field] = value } });
        if (query.Sector is { } sector) Term("sector", sector);
        if (query.Locality is { } locality) Term("locality_id", locality);
        if (query.Network is { } network) Term("network", network);
        if (query.Recipient is { } recipient) Term("recipient_id", recipient);
        if (query.Appeal is { } appeal) Term("appeal", appeal);
        if (query.From is not null || query.To is not null)
        {
            var range = new JsonObject();
            if (query.From is { } from) range["gte"] = Utc(from);
            if (query.To is { } to) range["lt"] = Utc(to);
            filter.Add(new JsonObject { ["range"] = new JsonObject { ["published_at"] = range } });
        }

        if (query.MinRisk is { } minRisk)
        {
            var min = Enum.Parse<RiskLevel>(minRisk, ignoreCase: true);
            var levels = new JsonArray([.. Enum.GetValues<RiskLevel>().Where(l => l >= min).Select(l => (JsonNode)JsonValue.Create(l.ToString())!)]);
            filter.Add(new JsonObject { ["terms"] = new JsonObject { ["risk_level"] = levels } });
        }

        // counts by a field are exact; a list's total counts up to PostQuery.CountUpTo, as on SQLite («gte» beyond it)
        var body = new JsonObject
        {
            ["track_total_hits"] = query.GroupBy is null && query.CountUpTo is { } cap ? Math.Max(0, cap) : true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = must, ["filter"] = filter } },
        };

        if (query.GroupBy is { } groupBy)
        {
            body["size"] = 0;
            body["aggs"] = new JsonObject { [GroupsAggregation] = Aggregation(groupBy, limit) };
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
            if (query.Offset > 0)
            {
                body["from"] = query.Offset; // from + size beyond the index's max_result_window (10,000) is refused by the cluster
            }

            body["size"] = limit;
            body["sort"] = new JsonArray(new JsonObject { ["published_at"] = "desc" }, new JsonObject { ["id"] = "asc" });
            body["_source"] = new JsonArray([.. SourceFields.Select(f => (JsonNode)JsonValue.Create(f)!)]);
        }

        return body.ToJsonString();
    }

    /// <summary>The answer from a <c>_search</c> response body.</summary>
    public static QueryResult ParseResponse(PostQuery query, string responseBody)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var json = JsonDocument.Parse(responseBody);
        var root = json.RootElement;
        var hits = root.GetProperty("hits");
        var total = hits.TryGetProperty("total", out var t) ? t.GetProperty("value").GetInt64() : 0;
        var lowerBound = t.ValueKind == JsonValueKind.Object && t.TryGetProperty("relation", out var relation) && relation.GetString() == "gte";

        if (query.GroupBy is not null)
        {
            var groups = new List<GroupCount>();
            if (root.TryGetProperty("aggregations", out var aggregations) && aggregations.TryGetProperty(GroupsAggregation, out var aggregation))
            {
                foreach (var bucket in aggregation.GetProperty("buckets").EnumerateArray())
                {
                    groups.Add(new GroupCount(BucketKey(query.GroupBy, bucket), bucket.GetProperty("doc_count").GetInt64()));
                }
            }

            // date_histogram buckets come by date; the contract is largest first, then by key, at most Limit
            var ordered = groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(Math.Max(1, query.Limit)).ToList();
            return new QueryResult(total, [], ordered);
        }

        var posts = new List<PostHit>();
        foreach (var hit in hits.GetProperty("hits").EnumerateArray())
        {
            var s = hit.GetProperty("_source");
            posts.Add(new PostHit(
                String(s, "id") ?? hit.GetProperty("_id").GetString()!,
                DateTimeOffset.Parse(String(s, "published_at")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
                String(s, "network") ?? "",
                String(s, "sector") ?? "",
                String(s, "risk_level") ?? "",
                String(s, "locality_id"),
                s.TryGetProperty("appeal", out var appeal) && appeal.ValueKind == JsonValueKind.True,
                String(s, "recipient_id"),
                String(s, "url"),
                AlertText.Excerpt(String(s, "text") ?? "", 160),
                String(s, "source"),
                AuthorName: null, // not indexed: analysts need what was said and where, not who said it (PostDocument)
                s.TryGetProperty("risk_score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetDouble() : null,
                s.TryGetProperty("incident_id", out var incident) && incident.ValueKind == JsonValueKind.Number ? incident.GetInt64() : null,
                s.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array
                    ? JsonSerializer.Serialize(reasons.EnumerateArray().Select(r => r.GetString() ?? "").ToList(), SqlitePostStore.Json)
                    : null));
        }

        return new QueryResult(total, posts, [], lowerBound);
    }

    private static JsonObject Aggregation(string groupBy, int limit)
    {
        if (groupBy == "day")
        {
            return new JsonObject
            {
                ["date_histogram"] = new JsonObject
                {
                    ["field"] = "published_at",
                    ["calendar_interval"] = "day",
                    ["time_zone"] = "UTC",
                    ["format"] = "yyyy-MM-dd",
                    ["min_doc_count"] = 1,
                },
            };
        }

        var field = GroupField(groupBy);
        var terms = new JsonObject
        {
            ["field"] = field,
            ["size"] = limit,
            ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
        };
        if (field != "appeal")
        {
            terms["missing"] = Missing; // a keyword field; SQLite groups NULL under the same key
        }

        return new JsonObject { ["terms"] = terms };
    }

    /// <summary>The keyword field behind a group name of <see cref="PostQuery.GroupFields"/>.</summary>
    public static string GroupField(string groupBy) => groupBy switch
    {
        "sector" => "sector",
        "risk" => "risk_level",
        "locality" => "locality_id",
        "network" => "network",
        "recipient" => "recipient_id",
        "source" => "source",
        "appeal" => "appeal",
        "day" => "published_at",
        _ => throw new ArgumentException($"cannot group by '{groupBy}'; use one of: {string.Join(", ", PostQuery.GroupFields)}", nameof(groupBy)),
    };

    private static string BucketKey(string groupBy, JsonElement bucket)
    {
        if (groupBy == "day" && bucket.TryGetProperty("key_as_string", out var day))
        {
            return day.GetString()!;
        }

        var key = bucket.GetProperty("key");
        return key.ValueKind switch
        {
            // a boolean bucket's key is 1 or 0, which is also what SQLite's is_appeal column shows
            JsonValueKind.Number => key.GetInt64().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => key.GetString() ?? Missing,
        };
    }

    private static string? String(JsonElement source, string name) =>
        source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
