using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mcu.Monitor.Tests.TestSupport;
using Telegram.Bot;

namespace Mcu.Monitor.Tests.Reports.Weekly;

/// <summary>
/// The Bot API's sendDocument on loopback: multipart uploads recorded with their chat, file name and caption; scripted
/// answers served first (e.g. a 400 for one chat). Other methods answer 404.
/// </summary>
public sealed partial class FakeDocumentBotApi : IAsyncDisposable
{
    public const string Token = "987654321:WEEKLY-secret_token_XYZ";

    private readonly HttpClient _http = new();
    private int _messageId = 500;

    public FakeDocumentBotApi() => Server = new LoopbackHttpServer(request => Task.FromResult(Answer(request)));

    public LoopbackHttpServer Server { get; }

    /// <summary>Scripted answers to sendDocument, by chat id.</summary>
    public ConcurrentDictionary<string, LoopbackResponse> ScriptedByChat { get; } = new();

    /// <summary>Documents Telegram accepted.</summary>
    public ConcurrentQueue<SentDocument> Accepted { get; } = new();

    public TelegramBotClient Client() =>
        new(new TelegramBotClientOptions(Token, Server.BaseAddress.ToString().TrimEnd('/')) { RetryThreshold = 0, RetryCount = 1 }, _http);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }

    private LoopbackResponse Answer(RecordedRequest request)
    {
        if (request.Path != $"/bot{Token}/sendDocument" || request.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) != true)
        {
            return LoopbackResponse.Json("""{"ok":false,"error_code":404,"description":"Not Found"}""", 404);
        }

        var chat = Field(request.Body, "chat_id");
        if (chat is not null && ScriptedByChat.TryRemove(chat, out var scripted))
        {
            return scripted;
        }

        var fileName = FileNamePattern().Match(request.Body) is { Success: true } m ? m.Groups[1].Value : null;
        if (chat is null || fileName is null || !request.Body.Contains("PK", StringComparison.Ordinal))
        {
            return LoopbackResponse.Json("""{"ok":false,"error_code":400,"description":"Bad Request: there is no document in the request"}""", 400);
        }

        Accepted.Enqueue(new SentDocument(chat, fileName, Field(request.Body, "caption")));
        var id = Interlocked.Increment(ref _messageId);
        return LoopbackResponse.Json(new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = id,
                ["date"] = 1764000000,
                ["chat"] = new JsonObject { ["id"] = long.Parse(chat, System.Globalization.CultureInfo.InvariantCulture), ["type"] = "private" },
                ["document"] = new JsonObject { ["file_id"] = "f" + id, ["file_unique_id"] = "u" + id, ["file_name"] = fileName },
            },
        }.ToJsonString());
    }

    /// <summary>A text field of a multipart body.</summary>
    private static string? Field(string body, string name)
    {
        var match = Regex.Match(body, $"name=\"?{Regex.Escape(name)}\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("filename=\"?([^\";\\r\\n]+)\"?")]
    private static partial Regex FileNamePattern();
}

public sealed record SentDocument(string Chat, string FileName, string? Caption);
