using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Mcu.Monitor.Tests.TestSupport;
using Telegram.Bot;

namespace Mcu.Monitor.Tests.Alerts.Telegram;

/// <summary>
/// The Bot API methods the alert bot uses, on loopback: sendMessage (recorded; scripted errors first), answerCallbackQuery
/// (recorded), getUpdates (a queue with Telegram's offset semantics). Checks what Telegram checks: a message must be
/// 1–4096 characters after HTML entity parsing, or it answers 400.
/// </summary>
public sealed class FakeAlertBotApi : IAsyncDisposable
{
    public const string Token = "987654321:ALERT-secret_token_XYZ";

    private readonly HttpClient _http = new();
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _updates = [];
    private int _messageId = 100;

    public FakeAlertBotApi() => Server = new LoopbackHttpServer(request => Task.FromResult(Answer(request)));

    public LoopbackHttpServer Server { get; }

    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Scripted answers to sendMessage, served before the normal one.</summary>
    public ConcurrentQueue<LoopbackResponse> ScriptedSends { get; } = new();

    /// <summary>Runs on each sendMessage before it is answered (e.g. to kill the sender's process).</summary>
    public Action<JsonObject>? OnSend { get; set; }

    public IReadOnlyList<JsonObject> Calls(string method) =>
        [.. Server.Requests.Where(r => r.Path == $"/bot{Token}/{method}").Select(r => (JsonObject)JsonNode.Parse(r.Body)!)];

    public void AddUpdate(JsonObject update)
    {
        lock (_lock)
        {
            _updates.Add(update);
        }
    }

    public TelegramBotClient Client(int retryThreshold = 60) =>
        new(new TelegramBotClientOptions(Token, BaseUrl) { RetryThreshold = retryThreshold, RetryCount = 3 }, _http);

    /// <summary>What a reader sees: the message with tags removed and entities decoded.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", ""));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }

    private LoopbackResponse Answer(RecordedRequest request)
    {
        var method = request.Path.Split('/').Last();
        var body = string.IsNullOrEmpty(request.Body) ? new JsonObject() : (JsonObject)JsonNode.Parse(request.Body)!;
        switch (method)
        {
            case "sendMessage":
                OnSend?.Invoke(body);
                if (ScriptedSends.TryDequeue(out var scripted))
                {
                    return scripted;
                }

                var text = body["text"]!.GetValue<string>();
                var visible = string.Equals(body["parse_mode"]?.GetValue<string>(), "HTML", StringComparison.OrdinalIgnoreCase) ? Visible(text) : text;
                if (visible.Length is 0 or > 4096)
                {
                    return LoopbackResponse.Json("""{"ok":false,"error_code":400,"description":"Bad Request: message is too long"}""", 400);
                }

                var id = Interlocked.Increment(ref _messageId);
                return Ok(new JsonObject
                {
                    ["message_id"] = id,
                    ["date"] = 1764000000,
                    ["chat"] = new JsonObject { ["id"] = body["chat_id"]!.DeepClone(), ["type"] = "group", ["title"] = "chat" },
                    ["text"] = visible,
                });
            case "answerCallbackQuery":
                return Ok(true);
            case "getUpdates":
                var offset = body["offset"]?.GetValue<int>();
                lock (_lock)
                {
                    if (offset is { } o)
                    {
                        _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < o);
                    }

                    return Ok(new JsonArray([.. _updates.Select(u => u.DeepClone())]));
                }

            default:
                return LoopbackResponse.Json("""{"ok":false,"error_code":404,"description":"Not Found"}""", 404);
        }
    }

    private static LoopbackResponse Ok(JsonNode result) => LoopbackResponse.Json(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());

    /// <summary>A callback_query update as Telegram sends it when a button is pressed in a chat.</summary>
    public static JsonObject Callback(int updateId, long chatId, long userId, string data) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb{updateId}",
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ирина" },
            ["chat_instance"] = "1",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = 5,
                ["date"] = 1764000000,
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "group", ["title"] = "УК" },
                ["text"] = "alert",
            },
        },
    };

    /// <summary>A text message update.</summary>
    public static JsonObject Message(int updateId, long chatId, long userId, string text, string chatType = "group") => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId + 1000,
            ["date"] = 1764000000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "УК" },
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ирина" },
            ["text"] = text,
        },
    };
}
