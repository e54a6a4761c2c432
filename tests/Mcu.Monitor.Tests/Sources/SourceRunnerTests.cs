using System.Runtime.CompilerServices;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources;

public class SourceRunnerTests
{
    [Fact]
    public async Task RunAllOnceAsync_OneSourceThrows_OthersStillRunAndTheErrorIsReported()
    {
        using var cli = new CliRunner();
        using var host = AppHost.Build(new AppHostSettings { Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);
        var runner = host.Services.GetRequiredService<SourceRunner>();

        var results = await runner.RunAllOnceAsync(
        [
            Definition("broken", () => new ThrowingSource()),
            Definition("good", () => new ListSource([TestPosts.Post("1", "нет воды третий день")])),
        ], CancellationToken.None);

        Assert.Equal("unreachable network", results[0].Error);
        Assert.Null(results[1].Error);
        Assert.Equal(1, results[1].Summary.Stored);
    }

    [Fact]
    public async Task RunSafelyAsync_SourceKeepsFailing_BacksOffDoublingThenRecovers()
    {
        using var store = new TestStore();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var runner = new SourceRunner(TestPipeline.Create(store.Store), store.Store, new SourceCatalog([]), time, NullLogger<SourceRunner>.Instance);
        var calls = 0;
        var fail = true;
        var definition = Definition("flaky", () =>
        {
            calls++;
            return fail ? new ThrowingSource() : new ListSource([]);
        });

        await runner.RunSafelyAsync(definition, CancellationToken.None);           // failure 1: wait one interval
        await runner.RunSafelyAsync(definition, CancellationToken.None);           // skipped
        time.Advance(TimeSpan.FromMinutes(1));
        await runner.RunSafelyAsync(definition, CancellationToken.None);           // failure 2: wait two intervals
        time.Advance(TimeSpan.FromMinutes(1));
        var skipped = await runner.RunSafelyAsync(definition, CancellationToken.None);
        Assert.Equal(2, calls);
        Assert.StartsWith("backing off after 2 failures", skipped.Error, StringComparison.Ordinal);

        fail = false;
        time.Advance(TimeSpan.FromMinutes(1));
        var recovered = await runner.RunSafelyAsync(definition, CancellationToken.None);
        Assert.Null(recovered.Error);
        Assert.Equal(3, calls);
        Assert.Null((await runner.RunSafelyAsync(definition, CancellationToken.None)).Error); // no back-off left
    }

    private static SourceDefinition Definition(string id, Func<IPostSource> create) =>
        new(id, TimeSpan.FromMinutes(1), create) { Type = "test", Address = id, DisplayName = id };

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
