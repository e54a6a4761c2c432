using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Telegram.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// A public channel read through its web preview <c>https://t.me/s/&lt;channel&gt;</c> (PLATFORM-APIS.md §3.7).
/// Pages come newest first; the reader follows <c>link[rel=prev]</c> (<c>?before=&lt;id&gt;</c>) until it meets
/// the cursor (the last seen message id), the oldest page, or <see cref="TelegramOptions.MaxPagesPerPoll"/>
/// (<see cref="TelegramOptions.InitialPages"/> on the first read), waiting
/// <see cref="TelegramOptions.DelayBetweenPages"/> between pages. Then it yields the new messages oldest first,
/// each with its id as the cursor.
/// </summary>
public sealed class TelegramWebChannelSource(
    string channel,
    TelegramWebClient client,
    TelegramOptions options,
    string municipality,
    IOperatorAlerts operatorAlerts,
    TimeProvider time,
    ILogger logger) : IPostSource
{
    public const string IdPrefix = "telegram:web:";

    private readonly string _owner = channel.ToLowerInvariant();

    public string Id => IdPrefix + _owner;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? last = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var maxPages = last is null ? options.InitialPages : options.MaxPagesPerPoll;
        var found = new SortedDictionary<long, TelegramWebMessage>();
        long? before = null;
        var reachedCursor = false;
        var pages = 0;
        while (pages < maxPages)
        {
            if (pages > 0)
            {
                // Politeness: the web preview is a public web page, not an API with a quota.
                await Task.Delay(options.DelayBetweenPages, time, cancellationToken);
            }

            var page = await ReadPageAsync(before, cancellationToken);
            pages++;
            var beforeText = before?.ToString(CultureInfo.InvariantCulture) ?? "none";
            foreach (var skip in page.Skipped)
            {
                TelegramLog.WebMessageSkipped(logger, Id, skip.DataPost, skip.Reason);
            }

            if (page.Messages.Count == 0)
            {
                TelegramLog.WebPageEmpty(logger, Id, pages, beforeText);
                if (pages == 1 && page.Skipped.Count == 0)
                {
                    operatorAlerts.Raise(
                        Id,
                        $"Telegram channel '{channel}': https://t.me/s/{channel} shows no messages; the channel may be private, renamed or "
                        + "deleted, or the web preview markup changed. Check Sources:Telegram:PublicChannels.");
                }

                break;
            }

            TelegramLog.WebPageRead(logger, Id, pages, beforeText, page.Messages.Count, page.Messages.Min(m => m.Id), page.Messages.Max(m => m.Id));
            foreach (var message in page.Messages)
            {
                if (last is { } l && message.Id <= l)
                {
                    reachedCursor = true;
                }
                else
                {
                    // Pages overlap when the channel posts between two requests: one entry per id.
                    found.TryAdd(message.Id, message);
                }
            }

            var oldest = page.Messages.Min(m => m.Id);
            if (reachedCursor || page.PreviousBefore is not { } next || next > oldest || (before is { } b && next >= b))
            {
                break;
            }

            before = next;
        }

        if (last is { } cursorId && !reachedCursor && pages == maxPages && found.Count > 0)
        {
            TelegramLog.WebGap(logger, Id, pages, cursorId);
        }

        TelegramLog.WebRead(logger, Id, pages, found.Count, cursor ?? "none");
        foreach (var message in found.Values)
        {
            // Service messages (channel created, title changed) move the cursor but are not posts.
            yield return new SourceItem(message.IsService ? null : ToPost(message), message.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task<TelegramWebPage> ReadPageAsync(long? before, CancellationToken cancellationToken)
    {
        string html;
        try
        {
            html = await client.GetPageAsync(channel, before, cancellationToken);
        }
        catch (TelegramApiException ex)
        {
            TelegramLog.WebRequestFailed(logger, Id, ex.Message);
            throw;
        }

        return TelegramWebPageParser.Parse(html, channel);
    }

    internal Post ToPost(TelegramWebMessage message)
    {
        var id = message.Id.ToString(CultureInfo.InvariantCulture);
        return new Post
        {
            Key = new PostKey(Network.Telegram, _owner, id),
            Municipality = municipality,
            SourceId = Id,
            AuthorId = _owner,
            AuthorName = message.Signature ?? message.AuthorName,
            PublishedAt = message.PublishedAt,
            Text = message.Text,
            Url = $"https://t.me/{_owner}/{id}",
            Engagement = new Engagement(0, 0, 0, message.Views ?? 0),
            RepostOf = RepostKey(message.ForwardedFromUrl),
            Attachments = message.Attachments,
        };
    }

    /// <summary><c>https://t.me/&lt;channel&gt;/&lt;id&gt;</c> of a forward's public origin as a key; hidden origins have no address.</summary>
    private static PostKey? RepostKey(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments.Length == 2
            && TelegramMessageMapper.PublicUsername().IsMatch(segments[0])
            && long.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? new PostKey(Network.Telegram, segments[0].ToLowerInvariant(), segments[1])
                : null;
    }
}
