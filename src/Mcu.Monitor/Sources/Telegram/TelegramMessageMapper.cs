using System.Globalization;
using System.Text.RegularExpressions;
using Mcu.Monitor.Domain;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// A Bot API message as a <see cref="Post"/> (PLATFORM-APIS.md §3.3). The owner of a key is the public
/// username of a channel or supergroup in lower case, so a post read by the bot and the same post read
/// from t.me/s get one key; chats without a username use the numeric chat id (<c>-100…</c>, Int64).
/// </summary>
internal static partial class TelegramMessageMapper
{
    /// <summary>Public usernames: 4–32 latin letters, digits and underscores, starting with a letter.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{3,31}$", RegexOptions.CultureInvariant)]
    internal static partial Regex PublicUsername();

    /// <summary>Returns null for a message that carries nothing to store (service messages: joins, pins, migrations).</summary>
    public static Post? ToPost(Message message, string sourceId, string municipality)
    {
        var text = message.Text ?? message.Caption ?? "";
        var attachments = AttachmentKinds(message);
        if (text.Length == 0 && attachments.Count == 0)
        {
            return null;
        }

        var chat = message.Chat;
        var isGroup = chat.Type is ChatType.Group or ChatType.Supergroup;
        var reply = message.ReplyToMessage;
        var isComment = isGroup && reply is not null;
        return new Post
        {
            Key = Key(chat, message.MessageId),
            Municipality = municipality,
            SourceId = sourceId,
            Kind = isComment ? PostKind.Comment : PostKind.Post,
            ParentKey = isComment ? ParentKey(chat, reply!) : null,
            AuthorId = message.From?.Id.ToString(CultureInfo.InvariantCulture)
                ?? message.SenderChat?.Id.ToString(CultureInfo.InvariantCulture)
                ?? chat.Id.ToString(CultureInfo.InvariantCulture),
            AuthorName = AuthorName(message),
            PublishedAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            Text = text,
            Url = PublicName(chat) is { } name ? $"https://t.me/{name}/{message.MessageId.ToString(CultureInfo.InvariantCulture)}" : null,
            RepostOf = message.ForwardOrigin is MessageOriginChannel origin ? Key(origin.Chat, origin.MessageId) : null,
            Attachments = attachments,
        };
    }

    public static PostKey Key(Chat chat, int messageId) =>
        new(Network.Telegram, Owner(chat), messageId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The lower-case username of a public channel or supergroup, else the numeric chat id.</summary>
    public static string Owner(Chat chat) => PublicName(chat) ?? chat.Id.ToString(CultureInfo.InvariantCulture);

    private static string? PublicName(Chat chat) =>
        chat.Type is ChatType.Channel or ChatType.Supergroup && chat.Username is { } username && PublicUsername().IsMatch(username)
            ? username.ToLowerInvariant()
            : null;

    /// <summary>
    /// In a channel's discussion group the thread starts at the automatic forward of the channel post, so a
    /// comment there belongs to the channel post itself, not to the group's copy of it.
    /// </summary>
    private static PostKey ParentKey(Chat chat, Message reply) =>
        reply.IsAutomaticForward && reply.ForwardOrigin is MessageOriginChannel origin
            ? Key(origin.Chat, origin.MessageId)
            : Key(chat, reply.MessageId);

    private static string? AuthorName(Message message)
    {
        if (message.From is { } from)
        {
            var name = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            return name.Length > 0 ? name : from.Username;
        }

        // Channel posts have no sender user: the channel speaks, optionally signed by the admin who wrote it.
        return message.AuthorSignature ?? message.SenderChat?.Title ?? message.Chat.Title;
    }

    /// <summary>Media kinds in the vocabulary of the feed format (<c>photo</c>, <c>video</c>, …).</summary>
    internal static List<string> AttachmentKinds(Message message)
    {
        var kinds = new List<string>();
        // photo[] lists one picture in several sizes (largest last): it is one attachment, not four.
        Add(kinds, message.Photo is { Length: > 0 }, "photo");
        Add(kinds, message.Video is not null, "video");
        Add(kinds, message.Animation is not null, "animation");
        Add(kinds, message.Document is not null && message.Animation is null, "document");
        Add(kinds, message.Audio is not null, "audio");
        Add(kinds, message.Voice is not null, "voice");
        Add(kinds, message.VideoNote is not null, "video_note");
        Add(kinds, message.Sticker is not null, "sticker");
        Add(kinds, message.Poll is not null, "poll");
        Add(kinds, message.Venue is not null, "venue");
        Add(kinds, message.Location is not null && message.Venue is null, "location");
        Add(kinds, message.Contact is not null, "contact");
        return kinds;
    }

    private static void Add(List<string> kinds, bool present, string kind)
    {
        if (present)
        {
            kinds.Add(kind);
        }
    }
}
