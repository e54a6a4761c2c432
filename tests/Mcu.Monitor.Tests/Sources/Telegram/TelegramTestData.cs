using System.Text.Json.Nodes;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>The Telegram fixtures copied under TestData/telegram (with their .source.txt side-cars).</summary>
public static class TelegramTestData
{
    public static string Read(string relativePath) =>
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "telegram", relativePath));

    /// <summary>An Update fixture (bot-api/update.*.json) with the given update_id.</summary>
    public static JsonObject Update(string fixture, int updateId)
    {
        var update = JsonNode.Parse(Read("bot-api/" + fixture))!.AsObject();
        update["update_id"] = updateId;
        return update;
    }

    /// <summary>A Message fixture (bot-api/message.*.json) wrapped in an Update under <paramref name="field"/>.</summary>
    public static JsonObject MessageUpdate(string fixture, int updateId, string field = "message") =>
        new() { ["update_id"] = updateId, [field] = JsonNode.Parse(Read("bot-api/" + fixture)) };

    /// <summary>A message of a supergroup or channel built from the schema (for cases no fixture covers).</summary>
    public static JsonObject ChatMessage(int messageId, long chatId, string chatType, string? username, string text, JsonObject? extra = null)
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "Чат" };
        if (username is not null)
        {
            chat["username"] = username;
        }

        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = 1_764_000_000,
            ["chat"] = chat,
            ["text"] = text,
        };
        if (chatType != "channel")
        {
            message["from"] = new JsonObject { ["id"] = 5551234, ["is_bot"] = false, ["first_name"] = "Ирина", ["last_name"] = "К." };
        }

        foreach (var (name, value) in extra ?? [])
        {
            message[name] = value?.DeepClone();
        }

        return message;
    }

    /// <summary>A t.me/s page: the fragments in order, and <c>link rel=prev</c> when an older page exists.</summary>
    public static string Page(long? previousBefore, params string[] fragments)
    {
        var prev = previousBefore is { } b ? $"<link rel=\"prev\" href=\"/s/tchantest?before={b}\">" : "";
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{prev}</head><body><section class=\"tgme_channel_history js-message_history\">\n"
            + string.Join("\n", fragments) + "\n</section></body></html>";
    }

    public static string Fragment(string name) => Read("tme-s/" + name);

    /// <summary>
    /// A message fragment written by the project in the markup of §3.7 (the tchan fixtures stay unmodified):
    /// for views with K/M suffixes, entities, forwards and missing parts.
    /// </summary>
    public static string SyntheticMessage(
        string dataPost, string? datetime, string? textHtml, string? views, string extraInner = "", string metaPrefix = "")
    {
        var text = textHtml is null ? "" : $"<div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">{textHtml}</div>";
        var viewsHtml = views is null ? "" : $"<span class=\"tgme_widget_message_views\">{views}</span><span class=\"copyonly\"> views</span>";
        var time = datetime is null ? "" : $"<time datetime=\"{datetime}\" class=\"time\">12:00</time>";
        var id = dataPost[(dataPost.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return $"""
            <div class="tgme_widget_message_wrap js-widget_message_wrap">
              <div class="tgme_widget_message js-widget_message" data-post="{dataPost}">
                <div class="tgme_widget_message_bubble">
                  <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/tchantest"><span dir="auto">Администрация &amp; жители</span></a></div>
                  {extraInner}
                  {text}
                  <div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">
                    {viewsHtml}<span class="tgme_widget_message_meta">{metaPrefix}<a class="tgme_widget_message_date" href="https://t.me/tchantest/{id}">{time}</a></span>
                  </div></div>
                </div>
              </div>
            </div>
            """;
    }
}
