using System.Runtime.CompilerServices;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Sources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>The real pipeline stages with the shipped lexicon, gazetteer and routing.</summary>
public static class TestPipeline
{
    public static IngestPipeline Create(
        IPostStore store, PipelineOptions? options = null, TimeProvider? time = null, IPipelineMetrics? metrics = null, IPostClassifier? classifier = null) => new(
        store,
        classifier ?? new LexiconClassifier(TestConfiguration.Classification()),
        new LocalityDetector(TestConfiguration.Territory()),
        new IncidentPlanner(new IncidentOptions(), new Router(TestConfiguration.Routing())),
        options ?? new PipelineOptions(),
        time ?? TimeProvider.System,
        NullLogger<IngestPipeline>.Instance,
        metrics: metrics);

    public static async IAsyncEnumerable<SourceItem> Items(IEnumerable<Post> posts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var line = 0;
        foreach (var post in posts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            yield return new SourceItem(post, $"{line * 10}:{line}");
            await Task.Yield();
        }
    }
}
