using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Indexing;
using Mcu.Monitor.Querying;
using EsMethod = Elastic.Transport.HttpMethod;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>
/// The opt-in suite: setup, indexing and search against a real Elasticsearch 9 cluster, only when
/// <c>MCU_TEST_ELASTICSEARCH_URL</c> is set (credentials from <c>MCU_TEST_ELASTICSEARCH_API_KEY</c> or
/// <c>MCU_TEST_ELASTICSEARCH_USERNAME</c>/<c>_PASSWORD</c>, optional <c>MCU_TEST_ELASTICSEARCH_FINGERPRINT</c>).
/// Each run uses its own index names and deletes them afterwards; the shared component templates are the repository's.
/// </summary>
public sealed class RealClusterTests
{
    public const string UrlVariable = "MCU_TEST_ELASTICSEARCH_URL";

    private static readonly DateTimeOffset November = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [FactRequiresEnv(UrlVariable)]
    public async Task SetupIndexSearch_OnARealCluster_FindsRussianWordFormsAndCountsBySector()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var options = new ElasticsearchOptions
        {
            Enabled = true,
            Url = Environment.GetEnvironmentVariable(UrlVariable),
            ApiKey = Environment.GetEnvironmentVariable("MCU_TEST_ELASTICSEARCH_API_KEY"),
            Username = Environment.GetEnvironmentVariable("MCU_TEST_ELASTICSEARCH_USERNAME"),
            Password = Environment.GetEnvironmentVariable("MCU_TEST_ELASTICSEARCH_PASSWORD"),
            CertificateFingerprint = Environment.GetEnvironmentVariable("MCU_TEST_ELASTICSEARCH_FINGERPRINT"),
            PostsIndexPrefix = $"mcu-test-{run}-posts",
            PostsAlias = $"mcu-test-{run}-posts",
            IncidentsIndex = $"mcu-test-{run}-incidents-v1",
            IncidentsAlias = $"mcu-test-{run}-incidents",
        };
        using var h = new IndexingHarness(options, realCluster: true);
        try
        {
            await h.Setup.RunAsync(CancellationToken.None);
            await h.Setup.RunAsync(CancellationToken.None); // idempotent

            await h.CommitAsync(
                IndexingHarness.Post("1", November, appeal: true, text: "Нет горячей воды на улице Слободской"),
                IndexingHarness.Post("2", November.AddMonths(-1), text: "Спасибо за ремонт дороги"),
                IndexingHarness.Post("3", November, text: "Ёлку поставили на площади"));
            var round = await h.Indexer.DrainAsync(CancellationToken.None);
            Assert.Equal((4, 0, 0), (round.Indexed, round.Retried, round.Dead));

            // a replay of the same versions is a conflict, counted as done
            await h.Rebuild.RunAsync(CancellationToken.None);
            await ElasticsearchRequests.SendAsync(h.Client, EsMethod.POST, $"/{options.PostsAlias},{options.IncidentsAlias}/_refresh", null, CancellationToken.None);

            var water = await h.Search.SearchAsync(new PostQuery { Text = "вода" }, CancellationToken.None);
            Assert.Equal(["vk:-1:1"], water.Posts.Select(p => p.Id).ToList());
            var yo = await h.Search.SearchAsync(new PostQuery { Text = "елка" }, CancellationToken.None);
            Assert.Equal(["vk:-1:3"], yo.Posts.Select(p => p.Id).ToList());
            var bySector = await h.Search.SearchAsync(new PostQuery { GroupBy = "sector" }, CancellationToken.None);
            Assert.Equal([new GroupCount("zhkh", 3)], bySector.Groups);

            var months = await ElasticsearchRequests.SendAsync(h.Client, EsMethod.GET, $"/_cat/indices/{options.PostsIndexPrefix}-*?h=index&format=json", null, CancellationToken.None);
            using var json = JsonDocument.Parse(months.Body);
            Assert.Equal(
                [$"{options.PostsIndexPrefix}-2026.10", $"{options.PostsIndexPrefix}-2026.11"],
                json.RootElement.EnumerateArray().Select(e => e.GetProperty("index").GetString()!).Order(StringComparer.Ordinal).ToList());
            var incidents = await ElasticsearchRequests.SendAsync(h.Client, EsMethod.GET, $"/{options.IncidentsAlias}/_count", null, CancellationToken.None);
            Assert.Equal(1, JsonDocument.Parse(incidents.Body).RootElement.GetProperty("count").GetInt32());

            // a reclassification is a newer version and overwrites; replaying everything afterwards (409s) does not undo it
            h.Reclassify("vk:-1:1", "Critical");
            var reclassified = await h.Indexer.DrainAsync(CancellationToken.None);
            Assert.Equal((1, 0), (reclassified.Indexed, reclassified.Dead));
            await h.Rebuild.RunAsync(CancellationToken.None);
            await ElasticsearchRequests.SendAsync(h.Client, EsMethod.POST, $"/{options.PostsAlias}/_refresh", null, CancellationToken.None);
            var critical = await h.Search.SearchAsync(new PostQuery { MinRisk = "Critical" }, CancellationToken.None);
            Assert.Equal(["vk:-1:1"], critical.Posts.Select(p => p.Id).ToList());
        }
        finally
        {
            foreach (var path in new[]
            {
                $"/{options.PostsIndexPrefix}-*", "/" + options.IncidentsIndex,
                "/_index_template/" + options.PostsIndexPrefix, "/_index_template/" + options.IncidentsAlias,
                "/_ilm/policy/" + IndexNames.PostsPolicy(options),
            })
            {
                await ElasticsearchRequests.SendAsync(h.Client, EsMethod.DELETE, path, null, CancellationToken.None);
            }
        }
    }

    [Fact]
    public void FactRequiresEnv_VariableMissing_SkipsWithTheReason()
    {
        var attribute = new FactRequiresEnvAttribute("MCU_TEST_VARIABLE_THAT_IS_NEVER_SET_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("set MCU_TEST_VARIABLE_THAT_IS_NEVER_SET_", attribute.Skip, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UrlVariable) is null)
        {
            Assert.Equal("set MCU_TEST_ELASTICSEARCH_URL to run against a real cluster", new FactRequiresEnvAttribute(UrlVariable).Skip);
        }
    }
}
