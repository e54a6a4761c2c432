using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mcu.Monitor.Tests.TestSupport;
using Telegram.Bot;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>
/// A Bot API on loopback that keeps an update queue with Telegram's offset semantics (§3.2): a call with
/// <c>offset</c> confirms, and forgets, every update below it. Scripted answers are served first.
/// </summary>
public sealed class FakeTelegramBotApi : IAsyncDisposable
{
    public const string Token = "123456789:TEST-secret_token_ABCdef";

    private readonly Lock _lock = new();
    private readonly List<JsonObject> _updates = [];
    private readonly HttpClient _http = new();

    public FakeTelegramBotApi() => Server = new LoopbackHttpServer(Answer);

    public LoopbackHttpServer Server { get; }

    /// <summary>Answers served before the queue, in order: errors, garbage.</summary>
    public ConcurrentQueue<LoopbackResponse> Scripted { get; } = new();

    /// <summary>The <c>offset</c> of each getUpdates call (null when absent).</summary>
    public IReadOnlyList<int?> Offsets => [.. Server.Requests.Select(r => Body(r)?["offset"]?.GetValue<int>())];

    public void Add(params JsonObject[] updates)
    {
        lock (_lock)
        {
            _updates.AddRange(updates);
        }
    }

    public TelegramBotClient Client(int retryThreshold = 0)
    {
        var options = new TelegramBotClientOptions(Token, Server.BaseAddress.ToString().TrimEnd('/')) { RetryThreshold = retryThreshold };
        return new TelegramBotClient(options, _http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }

    public static LoopbackResponse Error(string fixture, int status) => LoopbackResponse.Json(TelegramTestData.Read("bot-api/" + fixture), status);

    private LoopbackResponse Answer(RecordedRequest request)
    {
        if (request.Path != $"/bot{Token}/getUpdates")
        {
            return LoopbackResponse.Json("""{"ok":false,"error_code":404,"description":"Not Found"}""", 404);
        }

        if (Scripted.TryDequeue(out var scripted))
        {
            return scripted;
        }

        var body = Body(request);
        var offset = body?["offset"]?.GetValue<int>();
        var limit = body?["limit"]?.GetValue<int>() ?? 100;
        lock (_lock)
        {
            if (offset is { } o)
            {
                _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < o);
            }

            var result = new JsonArray([.. _updates.Take(limit).Select(u => u.DeepClone())]);
            return LoopbackResponse.Json(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
        }
    }

    private static JsonObject? Body(RecordedRequest request)
    {
        try
        {
            return string.IsNullOrWhiteSpace(request.Body) ? null : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
