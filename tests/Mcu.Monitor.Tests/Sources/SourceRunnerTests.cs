using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Tests.Sources;

public class SourceRunnerTests
{
    [Fact]
    public async Task RunAllOnceAsync_OneSourceThrows_OthersStillRunAndTheErrorIsReported()
    {
        using var cli = new CliRunner();
        using var host = Mcu.Monitor.Hosting.AppHost.Build(new Mcu.Monitor.Hosting.AppHostSettings { Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        Mcu.Monitor.Hosting.AppHost.Prepare(host);
        var runner = host.Services.GetRequiredService<SourceRunner>();

        var results = await runner.RunAllOnceAsync(
        [
            new SourceDefinition("broken", TimeSpan.FromMinutes(1), () => new ThrowingSource()),
            new SourceDefinition("good", TimeSpan.FromMinutes(1), () => new ListSource([TestPosts.Post("1", "нет воды третий день")])),
        ], CancellationToken.None);

        Assert.Equal("unreachable network", results[0].Error);
        Assert.Null(results[1].Error);
        Assert.Equal(1, results[1].Summary.Stored);
    }

    private sealed class ThrowingSource : IPostSource
    {
        public string Id => "broken";

        public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new HttpRequestException("unreachable network");
#pragma warning disable CS0162 // an iterator needs a yield to be one
            yield break;
#pragma warning restore CS0162
        }
    }

    private sealed class ListSource(IEnumerable<Domain.Post> posts) : IPostSource
    {
        public string Id => "good";

        public IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, CancellationToken cancellationToken) => TestPipeline.Items(posts, cancellationToken);
    }
}
