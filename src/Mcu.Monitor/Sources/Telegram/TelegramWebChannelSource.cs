using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
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
/// each with its id as the cursor. When the page limit runs out before the cursor, nothing is yielded (that
/// would move the cursor over unread messages): the cursor keeps the last seen id and records the next older
/// page, and the following polls walk on from there until they meet the last seen id. Only then are the messages
/// yielded; the ones above the resume point are read again from the newest page at the next poll.
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
        var (parsedLast, stack) = ParseCursor(cursor);
        if (parsedLast is not { } last)
        {
            // First read: the newest InitialPages pages, oldest first. There is nothing older to miss yet.
            var (initial, _, _, initialPages) = await ReadSegmentAsync(null, null, options.InitialPages, 0, cancellationToken);
            TelegramLog.WebRead(logger, Id, initialPages, initial.Count, "none");
            foreach (var message in initial.Values)
            {
                yield return Item(message, message.Id.ToString(CultureInfo.InvariantCulture));
            }

            yield break;
        }

        var pages = 0;
        var count = 0;
        while (pages < options.MaxPagesPerPoll)
        {
            // A segment is read from the lowest pending page boundary (the newest page when there is none) down
            // to the cursor. Only a segment that meets the cursor is yielded: everything between the cursor and
            // its start has then been read, so no cursor moves over an unread message.
            long? start = stack.Count > 0 ? stack[0] : null;
            var (found, reached, pushed, read) = await ReadSegmentAsync(start, last, options.MaxPagesPerPoll - pages, pages, cancellationToken);
            pages += read;
            if (!reached)
            {
                if (pushed.Count == 0)
                {
                    break; // the channel shows nothing (alert raised) or no page budget left
                }

                // The page limit ran out above the cursor. Yielding what was read would skip the messages below
                // it; remember the boundaries instead and go on walking down at the next poll.
                pushed.Reverse();
                stack.InsertRange(0, pushed);
                TelegramLog.WebGap(logger, Id, pages, last, stack[0]);
                yield return new SourceItem(null, FormatCursor(last, stack));
                break;
            }

            if (start is not null)
            {
                stack.RemoveAt(0);
            }

            var yielded = false;
            foreach (var message in found.Values)
            {
                last = message.Id;
                count++;
                yielded = true;
                yield return Item(message, FormatCursor(last, stack));
            }

            if (start is { } boundary && (boundary - 1 > last || !yielded))
            {
                // Every id below the boundary has been read: the cursor may stand just below it.
                last = Math.Max(last, boundary - 1);
                yield return new SourceItem(null, FormatCursor(last, stack));
            }

            if (start is null)
            {
                break; // the newest page met the cursor: up to date
            }
        }

        TelegramLog.WebRead(logger, Id, pages, count, cursor ?? "none");
    }

    private SourceItem Item(TelegramWebMessage message, string cursor) =>
        // Service messages (channel created, title changed) move the cursor but are not posts.
        new(message.IsService ? null : ToPost(message), cursor);

    /// <summary>
    /// Reads pages from <c>?before=<paramref name="start"/></c> (the newest page when null) towards older ones
    /// until a page reaches <paramref name="last"/> (or the channel's oldest page) or <paramref name="maxPages"/>
    /// pages are read. Returns the messages newer than <paramref name="last"/>, whether the cursor was reached,
    /// the <c>before</c> boundaries of the pages still to read below (newest first) and the pages read.
    /// </summary>
    private async Task<(SortedDictionary<long, TelegramWebMessage> Found, bool Reached, List<long> Pushed, int Pages)> ReadSegmentAsync(
        long? start, long? last, int maxPages, int pagesBefore, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<long, TelegramWebMessage>();
        var pushed = new List<long>();
        var before = start;
        var pages = 0;
        while (pages < maxPages)
        {
            if (pagesBefore + pages > 0)
            {
                // Politeness: the web preview is a public web page, not an API with a quota.
                await Task.Delay(options.DelayBetweenPages, time, cancellationToken);
            }

            var page = await ReadPageAsync(before, cancellationToken);
            pages++;
            var number = pagesBefore + pages;
            var beforeText = before?.ToString(CultureInfo.InvariantCulture) ?? "none";
            foreach (var skip in page.Skipped)
            {
                TelegramLog.WebMessageSkipped(logger, Id, skip.DataPost, skip.Reason);
            }

            if (page.Messages.Count == 0)
            {
                TelegramLog.WebPageEmpty(logger, Id, number, beforeText);
                if (before is null && page.Skipped.Count == 0)
                {
                    operatorAlerts.Raise(
                        Id,
                        $"Telegram channel '{channel}': https://t.me/s/{channel} shows no messages; the channel may be private, renamed or "
                        + "deleted, or the web preview markup changed. Check Sources:Telegram:PublicChannels.");
                }

                // Below a page boundary, an empty page means nothing older is left.
                return (found, before is not null, [], pages);
            }

            TelegramLog.WebPageRead(logger, Id, number, beforeText, page.Messages.Count, page.Messages.Min(m => m.Id), page.Messages.Max(m => m.Id));
            var reached = false;
            foreach (var message in page.Messages)
            {
                if (last is { } l && message.Id <= l)
                {
                    reached = true;
                }
                else
                {
                    // Pages overlap when the channel posts between two requests: one entry per id.
                    found.TryAdd(message.Id, message);
                }
            }

            var oldest = page.Messages.Min(m => m.Id);
            if (reached
                || page.PreviousBefore is not { } next
                || next > oldest
                || (before is { } b && next >= b)
                || (last is { } cursorId && next - 1 <= cursorId))
            {
                // The cursor, or the channel's oldest page (the next page would hold only ids at or below the cursor).
                return (found, true, [], pages);
            }

            pushed.Add(next);
            before = next;
        }

        return (found, last is null, pushed, pages);
    }

    /// <summary>
    /// The cursor is the last yielded message id (<c>94</c>), or, while a backlog deeper than
    /// <see cref="TelegramOptions.MaxPagesPerPoll"/> is being walked, <c>{"last":94,"before":[150,170,190]}</c>:
    /// the last yielded id and the <c>before</c> ids of the pages still to read, lowest (next) first.
    /// </summary>
    internal static (long? Last, List<long> Before) ParseCursor(string? cursor)
    {
        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return (plain, []);
        }

        if (cursor is null || !cursor.StartsWith('{'))
        {
            return (null, []);
        }

        try
        {
            using var json = JsonDocument.Parse(cursor);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("last", out var lastElement) && lastElement.ValueKind == JsonValueKind.Number
                && lastElement.TryGetInt64(out var last) && last >= 0)
            {
                var before = new List<long>();
                if (root.TryGetProperty("before", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var element in list.EnumerateArray())
                    {
                        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var id) && id - 1 > last)
                        {
                            before.Add(id);
                        }
                    }
                }

                return (last, [.. before.Distinct().Order()]);
            }
        }
        catch (JsonException)
        {
            // an unreadable cursor reads like no cursor: from the newest page
        }

        return (null, []);
    }

    internal static string FormatCursor(long last, IReadOnlyList<long> before) =>
        before.Count == 0
            ? last.ToString(CultureInfo.InvariantCulture)
            : "{\"last\":" + last.ToString(CultureInfo.InvariantCulture) + ",\"before\":["
                + string.Join(',', before.Select(b => b.ToString(CultureInfo.InvariantCulture))) + "]}";

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
