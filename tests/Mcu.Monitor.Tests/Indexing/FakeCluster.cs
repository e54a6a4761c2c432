using System.Text.Json.Nodes;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>
/// Just enough of a cluster behind <see cref="ScriptedElasticsearch"/> for the indexer: bulk <c>index</c> actions
/// with external versioning (a version not above the stored one gets 409), scripted per-item failures, and outages.
/// Every other request is acknowledged. Our fake, not Elasticsearch semantics (ELASTIC.md §2.4).
/// </summary>
public sealed class FakeCluster
{
    private readonly Dictionary<(string Index, string Id), (long Version, JsonObject Source)> _documents = [];
    private readonly List<(string Index, string Id, long Version)> _writes = [];

    /// <summary>While set, every request gets this reply (a refused connection, a 503).</summary>
    public ScriptedReply? Outage { get; set; }

    /// <summary>A status and error type for an item by <c>_id</c>, or null to process it normally.</summary>
    public Func<string, (int Status, string ErrorType)?> ItemFailure { get; set; } = _ => null;

    public IReadOnlyDictionary<(string Index, string Id), (long Version, JsonObject Source)> Documents => _documents;

    /// <summary>Every successful write, in order.</summary>
    public IReadOnlyList<(string Index, string Id, long Version)> Writes => _writes;

    public ScriptedElasticsearch Attach(ScriptedElasticsearch invoker)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        invoker.Respond = Respond;
        return invoker;
    }

    public ScriptedReply Respond(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Outage is { } outage)
        {
            return outage;
        }

        if (request.Path == "/_bulk")
        {
            return Bulk(request.Lines);
        }

        return request.Method == "PUT" && !request.Path[1..].Contains('/', StringComparison.Ordinal)
            ? ScriptedReply.Json(200, $$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{request.Path[1..]}}"}""")
            : ScriptedReply.Json(200, """{"acknowledged":true}""");
    }

    private ScriptedReply Bulk(IReadOnlyList<string> lines)
    {
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i + 1 < lines.Count; i += 2)
        {
            var meta = JsonNode.Parse(lines[i])!["index"]!;
            var index = (string)meta["_index"]!;
            var id = (string)meta["_id"]!;
            var version = (long)meta["version"]!;
            var item = new JsonObject { ["_index"] = index, ["_id"] = id };
            if (ItemFailure(id) is { } failure)
            {
                errors = true;
                item["status"] = failure.Status;
                item["error"] = new JsonObject { ["type"] = failure.ErrorType, ["reason"] = "scripted failure" };
            }
            else if (_documents.TryGetValue((index, id), out var stored) && stored.Version >= version)
            {
                errors = true;
                item["status"] = 409;
                item["error"] = new JsonObject
                {
                    ["type"] = "version_conflict_engine_exception",
                    ["reason"] = $"[{id}]: version conflict, current version [{stored.Version}] is higher or equal to the one provided [{version}]",
                };
            }
            else
            {
                var created = !_documents.ContainsKey((index, id));
                _documents[(index, id)] = (version, JsonNode.Parse(lines[i + 1])!.AsObject());
                _writes.Add((index, id, version));
                item["_version"] = version;
                item["result"] = created ? "created" : "updated";
                item["status"] = created ? 201 : 200;
            }

            items.Add(new JsonObject { ["index"] = item });
        }

        return ScriptedReply.Json(200, new JsonObject { ["took"] = 3, ["errors"] = errors, ["items"] = items }.ToJsonString());
    }
}
