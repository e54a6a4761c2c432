using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Text;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Pipeline;

/// <summary>
/// normalise → dedupe → locality → classify → (incident rules) → persist, as three tasks joined by
/// bounded channels: a slow store makes the reader wait instead of filling memory. Order is kept from
/// source to store, so each committed batch can carry the cursor of its last item.
/// </summary>
public sealed class IngestPipeline(
    IPostStore store,
    IPostClassifier classifier,
    LocalityDetector localities,
    IncidentPlanner planner,
    PipelineOptions options,
    TimeProvider time,
    ILogger<IngestPipeline> logger,
    OfficialAccounts? officialAccounts = null,
    IPipelineMetrics? metrics = null)
{
    private readonly OfficialAccounts _official = officialAccounts ?? OfficialAccounts.None;

    /// <summary>How many recent keys the dedupe stage remembers; older ones are checked in the store.</summary>
    private const int RecentKeys = 50_000;

    public async Task<IngestSummary> RunAsync(string sourceId, IAsyncEnumerable<SourceItem> items, CancellationToken cancellationToken)
    {
        // Each stage counts in its own summary (no shared counters across threads); they are added at the end.
        var summary = new IngestSummary();
        var stored = new IngestSummary();
        var channelOptions = new BoundedChannelOptions(options.ChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        };
        var read = Channel.CreateBounded<SourceItem>(channelOptions);
        var processed = Channel.CreateBounded<Staged>(channelOptions);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stages = new[]
        {
            RunStage(() => ReadAsync(items, read.Writer, stop.Token), e => read.Writer.TryComplete(e), stop),
            RunStage(() => ProcessAsync(sourceId, read.Reader, processed.Writer, summary, stop.Token), e => processed.Writer.TryComplete(e), stop),
            RunStage(() => PersistAsync(sourceId, processed.Reader, stored, stop.Token), null, stop),
        };

        try
        {
            await Task.WhenAll(stages);
        }
        catch
        {
            // WhenAll rethrows the first task's exception, which is often the cancellation the real
            // failure caused in another stage: surface the real one.
            var real = stages.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (real is not null && !cancellationToken.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(real).Throw();
            }

            throw;
        }

        summary.Add(stored);
        PipelineLog.SourceIngested(logger, sourceId, summary.Read, summary.Stored, summary.Duplicates, summary.Skipped, summary.IncidentsOpened);
        return summary;
    }

    /// <summary>Runs a stage; when it ends, completes its output channel, and when it fails, stops the others.</summary>
    private static Task RunStage(Func<Task> stage, Action<Exception?>? completeOutput, CancellationTokenSource stop) =>
        Task.Run(async () =>
        {
            try
            {
                await stage();
                completeOutput?.Invoke(null);
            }
            catch (Exception ex)
            {
                completeOutput?.Invoke(ex);
                await stop.CancelAsync();
                throw;
            }
        });

    private static async Task ReadAsync(IAsyncEnumerable<SourceItem> items, ChannelWriter<SourceItem> output, CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await output.WriteAsync(item, cancellationToken);
        }
    }

    private async Task ProcessAsync(string sourceId, ChannelReader<SourceItem> input, ChannelWriter<Staged> output, IngestSummary summary, CancellationToken cancellationToken)
    {
        // Keys, content hashes and decisions of recent posts: duplicates inside one read, and parents of
        // comments that arrive right after their post (usually in the same batch, not yet committed).
        var recent = new Dictionary<string, (string Hash, ParentContext Context)>(StringComparer.Ordinal);
        var recentOrder = new Queue<string>();
        await foreach (var item in input.ReadAllAsync(cancellationToken))
        {
            if (item.Post is null)
            {
                summary.Skipped++;
                await output.WriteAsync(new Staged(null, item.Cursor), cancellationToken);
                continue;
            }

            summary.Read++;
            metrics?.PostsRead(sourceId, 1);
            var post = item.Post with { Text = TextNormalizer.ForStorage(item.Post.Text) };
            var hash = ContentHash(post.Text);
            var key = post.Key.ToString();

            // The same key with the same text is a duplicate; with another text it is an edit, which goes on to
            // be classified again and stored over the old text (the store keeps the history).
            var storedHash = recent.TryGetValue(key, out var seen) ? seen.Hash : store.StoredContentHash(key);
            if (storedHash == hash)
            {
                summary.Duplicates++;
                await output.WriteAsync(new Staged(null, item.Cursor), cancellationToken);
                continue;
            }

            var parentKey = post.ParentKey?.ToString();
            var parent = parentKey is null ? null
                : recent.TryGetValue(parentKey, out var known) ? known.Context
                : store.FindParent(parentKey);
            var processed = Process(post, hash, parent);

            if (recent.TryAdd(key, (hash, ToContext(processed))))
            {
                recentOrder.Enqueue(key);
            }
            else
            {
                recent[key] = (hash, ToContext(processed));
            }

            if (recentOrder.Count > RecentKeys)
            {
                recent.Remove(recentOrder.Dequeue());
            }

            await output.WriteAsync(new Staged(processed, item.Cursor), cancellationToken);
        }
    }

    private static ParentContext ToContext(ProcessedPost processed) =>
        new(processed.Classification.Sector, processed.Classification.IsAppeal);

    private ProcessedPost Process(Post post, string hash, ParentContext? parent)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching(post.Text));
        var locality = localities.Detect(tokens);
        var now = time.GetUtcNow();
        // the post's age lets the risk weigh how fast reactions come (reactions per hour), not only how many
        var engagement = post.PublishedAt < now ? post.Engagement with { Age = now - post.PublishedAt } : post.Engagement;
        // Timed through the TimeProvider like the batch delays (the system one reads Stopwatch), so a test clock can time it too.
        var classifyStarted = time.GetTimestamp();
        var classification = classifier.Classify(post.Text, engagement, parent);
        metrics?.Classified(time.GetElapsedTime(classifyStarted));
        if (_official.NameOf(post) is { } account)
        {
            // The municipality's own publication is information or an answer: never an appeal to itself.
            classification = classification with
            {
                IsAppeal = false,
                Reasons = [.. classification.Reasons, $"не обращение: автор — официальный аккаунт «{account}»"],
            };
        }

        var plan = planner.Plan(post, classification, locality, tokens, now);
        return new ProcessedPost(post, hash, classification, locality, plan);
    }

    private async Task PersistAsync(string sourceId, ChannelReader<Staged> input, IngestSummary summary, CancellationToken cancellationToken)
    {
        var batch = new List<ProcessedPost>(options.BatchSize);
        while (await input.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            string? cursor = null;
            var count = 0;
            var deadline = time.GetTimestamp();
            while (count < options.BatchSize)
            {
                if (input.TryRead(out var staged))
                {
                    count++;
                    cursor = staged.Cursor;
                    if (staged.Post is not null)
                    {
                        batch.Add(staged.Post);
                    }

                    continue;
                }

                var remaining = options.BatchDelay - time.GetElapsedTime(deadline);
                if (remaining <= TimeSpan.Zero || !await WaitForMoreAsync(input, remaining, cancellationToken))
                {
                    break;
                }
            }

            var result = await store.CommitAsync(sourceId, batch, cursor, cancellationToken);
            summary.Add(result);
            metrics?.PostsStored(sourceId, result.PostsStored);
            PipelineLog.BatchCommitted(logger, sourceId, count, result.PostsStored, result.IncidentsOpened);
        }
    }

    private async Task<bool> WaitForMoreAsync(ChannelReader<Staged> input, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await input.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A short hash of the stored text: lets later stages notice an edit without comparing texts.</summary>
    internal static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private sealed record Staged(ProcessedPost? Post, string Cursor);
}
