using System.Text.Json.Nodes;
using Mcu.Monitor.Indexing;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Indexing;

public class ElasticsearchSetupTests
{
    [Fact]
    public async Task RunAsync_FreshCluster_SendsTheRepositoryTemplatesVerbatimThenPolicyTemplatesIndexAndAliases()
    {
        using var h = new IndexingHarness();

        var steps = await h.Setup.RunAsync(CancellationToken.None);

        var requests = h.Invoker.Requests;
        Assert.Equal(
            [
                "PUT /_component_template/mcu-settings",
                "PUT /_component_template/mcu-posts-mappings",
                "PUT /_component_template/mcu-incidents-mappings",
                "PUT /_ilm/policy/mcu-posts-retention",
                "PUT /_index_template/mcu-posts",
                "PUT /_index_template/mcu-incidents",
                "PUT /mcu-incidents-v1",
                "PUT /mcu-incidents-v1/_alias/mcu-incidents",
                "POST /_aliases",
            ],
            requests.Select(r => $"{r.Method} {r.Path}").ToList());
        Assert.Equal(requests.Count, steps.Count);

        // golden: the component template bodies are the files in deploy/elasticsearch, byte for byte
        var deploy = Path.Combine(TestConfiguration.RepositoryRoot(), "deploy", "elasticsearch");
        foreach (var name in new[] { "mcu-settings", "mcu-posts-mappings", "mcu-incidents-mappings" })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(deploy, name + ".json")), requests.Single(r => r.Path == "/_component_template/" + name).Body);
        }

        var policy = JsonNode.Parse(requests.Single(r => r.Path.StartsWith("/_ilm/", StringComparison.Ordinal)).Body)!["policy"]!;
        var phases = policy["phases"]!.AsObject();
        Assert.Equal(["delete"], phases.Select(p => p.Key).ToList());
        Assert.Equal("365d", (string)phases["delete"]!["min_age"]!);
        Assert.NotNull(phases["delete"]!["actions"]!["delete"]);

        var posts = JsonNode.Parse(requests.Single(r => r.Path == "/_index_template/mcu-posts").Body)!;
        Assert.Equal("""["mcu-posts-*"]""", posts["index_patterns"]!.ToJsonString());
        Assert.Equal("""["mcu-settings","mcu-posts-mappings"]""", posts["composed_of"]!.ToJsonString());
        Assert.Equal("mcu-posts-retention", (string)posts["template"]!["settings"]!["index.lifecycle.name"]!);
        Assert.NotNull(posts["template"]!["aliases"]!["mcu-posts"]);

        var incidents = JsonNode.Parse(requests.Single(r => r.Path == "/_index_template/mcu-incidents").Body)!;
        Assert.Equal("""["mcu-incidents-v1"]""", incidents["index_patterns"]!.ToJsonString());
        Assert.Equal("""["mcu-settings","mcu-incidents-mappings"]""", incidents["composed_of"]!.ToJsonString());
        Assert.NotNull(incidents["template"]!["aliases"]!["mcu-incidents"]);
        Assert.Null(incidents["template"]!["settings"]); // incidents are few and kept: no retention policy

        Assert.Equal(
            """{"actions":[{"add":{"index":"mcu-posts-*","alias":"mcu-posts"}}]}""",
            requests.Single(r => r.Path == "/_aliases").Body);
    }

    [Fact]
    public async Task RunAsync_SecondRunOnAnExistingSetup_ToleratesTheExistingIndexAndNoPostIndices()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = r => (r.Method, r.Path) switch
        {
            ("PUT", "/mcu-incidents-v1") => ScriptedReply.Json(400, """{"error":{"type":"resource_already_exists_exception","reason":"index [mcu-incidents-v1/x] already exists"},"status":400}"""),
            ("POST", "/_aliases") => ScriptedReply.Json(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [mcu-posts-*]"},"status":404}"""),
            _ => ScriptedReply.Json(200, """{"acknowledged":true}"""),
        };

        var steps = await h.Setup.RunAsync(CancellationToken.None);

        Assert.Contains("PUT /mcu-incidents-v1: already exists", steps);
        Assert.Contains(steps, s => s.StartsWith("POST /_aliases: no post index yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TemplateRejected_ThrowsNamingTheRequestAndStatus()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = r => r.Path == "/_component_template/mcu-posts-mappings"
            ? ScriptedReply.Json(400, """{"error":{"type":"illegal_argument_exception","reason":"bad"},"status":400}""")
            : ScriptedReply.Json(200, """{"acknowledged":true}""");

        var ex = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => h.Setup.RunAsync(CancellationToken.None));

        Assert.Equal("PUT /_component_template/mcu-posts-mappings failed: HTTP 400 illegal_argument_exception", ex.Message);
        Assert.Equal(2, h.Invoker.Requests.Count); // stops at the first failure
    }

    [Fact]
    public async Task RunAsync_RetentionInOptions_IsThePolicyMinAgeAndNamesFollowThePrefix()
    {
        var options = IndexingHarness.Enabled();
        options.PostRetention = TimeSpan.FromDays(90);
        options.PostsIndexPrefix = "alekseevsky-posts";
        using var h = new IndexingHarness(options);

        await h.Setup.RunAsync(CancellationToken.None);

        var policy = h.Invoker.Requests.Single(r => r.Path == "/_ilm/policy/alekseevsky-posts-retention");
        Assert.Equal("90d", (string)JsonNode.Parse(policy.Body)!["policy"]!["phases"]!["delete"]!["min_age"]!);
        Assert.Contains(h.Invoker.Requests, r => r.Path == "/_index_template/alekseevsky-posts" && r.Body.Contains("\"alekseevsky-posts-*\"", StringComparison.Ordinal));
    }
}
