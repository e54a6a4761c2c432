using System.Globalization;
using System.Text;
using System.Text.Json;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.File.Models;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Sources.File;

/// <summary>
/// Turns one JSONL line into a <see cref="Post"/>, or says why it cannot. Invalid UTF-8 is not a reason to
/// lose a post: the bad bytes become U+FFFD and the line is kept, with a problem reported.
/// </summary>
internal static class FeedRecordParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static ParseOutcome Parse(ReadOnlySpan<byte> line, string municipality, string sourceId, TimeSpan shift)
    {
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..]; // a UTF-8 byte order mark at the start of the file
        }

        string? warning = null;
        byte[]? repaired = null;
        try
        {
            StrictUtf8.GetCharCount(line);
        }
        catch (DecoderFallbackException)
        {
            repaired = Encoding.UTF8.GetBytes(LenientUtf8.GetString(line));
            warning = "invalid UTF-8 replaced with U+FFFD";
        }

        if (IsBlank(line))
        {
            return ParseOutcome.Fail("empty line");
        }

        FeedRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(repaired ?? line, FeedJsonContext.Default.FeedRecord);
        }
        catch (JsonException ex)
        {
            // Only the position: the exception's message can quote the line, which may hold personal data.
            return ParseOutcome.Fail($"invalid JSON ({Where(ex)})");
        }

        if (record is null)
        {
            return ParseOutcome.Fail("the line is JSON null, not an object");
        }

        var error = Validate(record, out var network, out var publishedAt, out var kind);
        if (error is not null)
        {
            return ParseOutcome.Fail(error);
        }

        if (!TryShift(publishedAt, shift, out var shifted))
        {
            return ParseOutcome.Fail("\"published_at\" out of range");
        }

        var owner = record.Owner!.Trim();
        PostKey? repostOf = PostKey.TryParse(record.RepostOf, out var original) ? original : null;
        var post = new Post
        {
            Key = new PostKey(network, owner, record.Id!.Trim()),
            Municipality = municipality,
            SourceId = sourceId,
            Kind = kind,
            ParentKey = kind == PostKind.Comment ? new PostKey(network, owner, record.ParentId!.Trim()) : null,
            AuthorId = record.Author,
            AuthorName = record.AuthorName is null ? null : TextNormalizer.ForStorage(record.AuthorName),
            PublishedAt = shifted,
            Text = record.Text ?? "",
            Url = SafeUrl(record.Url),
            Engagement = new Engagement(Count(record.Likes), Count(record.Comments), Count(record.Reposts), Count(record.Views)),
            RepostOf = repostOf,
            Attachments = record.Attachments?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).ToList() ?? [],
        };
        return new ParseOutcome(post, null, warning);
    }

    /// <summary>Reads only the publication time, for working out the demo shift.</summary>
    public static DateTimeOffset? PublishedAt(ReadOnlySpan<byte> line)
    {
        try
        {
            var record = JsonSerializer.Deserialize(line, FeedJsonContext.Default.FeedRecord);
            return TryParseTime(record?.PublishedAt, out var at) ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Validate(FeedRecord record, out Network network, out DateTimeOffset publishedAt, out PostKind kind)
    {
        publishedAt = default;
        kind = PostKind.Post;
        if (!NetworkNames.TryParse(record.Network, out network))
        {
            return record.Network is null ? "missing \"network\"" : "\"network\" must be vk, ok or telegram";
        }

        if (string.IsNullOrWhiteSpace(record.Owner) || record.Owner.Contains(':', StringComparison.Ordinal))
        {
            return "missing or invalid \"owner\"";
        }

        if (string.IsNullOrWhiteSpace(record.Id) || record.Id.Contains(':', StringComparison.Ordinal))
        {
            return "missing or invalid \"id\"";
        }

        if (!TryParseTime(record.PublishedAt, out publishedAt))
        {
            return "missing or invalid \"published_at\" (ISO 8601 with offset expected)";
        }

        switch (record.Kind?.Trim().ToUpperInvariant())
        {
            case null or "" or "POST":
                kind = PostKind.Post;
                break;
            case "COMMENT":
                kind = PostKind.Comment;
                if (string.IsNullOrWhiteSpace(record.ParentId) || record.ParentId.Contains(':', StringComparison.Ordinal))
                {
                    return "a comment needs \"parent_id\"";
                }

                break;
            default:
                return "\"kind\" must be post or comment";
        }

        return null;
    }

    private static bool TryShift(DateTimeOffset at, TimeSpan shift, out DateTimeOffset shifted)
    {
        var ticks = at.UtcTicks + shift.Ticks;
        var ok = ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;
        shifted = !ok ? default : shift == TimeSpan.Zero ? at : new DateTimeOffset(ticks, TimeSpan.Zero);
        return ok;
    }

    /// <summary>Only absolute http(s) links without control characters: the URL is shown to officers as it is.</summary>
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !url.Any(char.IsControl)
            ? url.Trim()
            : null;

    private static bool TryParseTime(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    private static int Count(long? value) => value is null or < 0 ? 0 : (int)Math.Min(value.Value, int.MaxValue);

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Where(JsonException ex) =>
        ex.BytePositionInLine is { } position ? $"at byte {position + 1}" : "position unknown";
}
