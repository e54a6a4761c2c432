using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>
/// A fake OK API on loopback: groups with topics (served newest first, paged by <c>anchor</c>/<c>has_more</c>)
/// and topics with comments (served oldest first, forward from an anchor). It checks each request's signature
/// and token as OK would (error 104 / 102 with the <c>invocation-error</c> header), and scripted responses can
/// be queued per method. The response shapes are built by the project from open-source OK models
/// (PLATFORM-APIS §2.3–2.4, [unverified]); no real OK response body is available.
/// </summary>
internal sealed class FakeOkServer : IAsyncDisposable
{
    public const string ApplicationKey = "CBAFAKEAPPKEY";
    public const string SecretKey = "SECRETkey0123456789ABCDEF";
    public const string AccessToken = "tkn-s-84W.FAKEaccessTOKEN0123456789";

    private readonly ConcurrentDictionary<string, List<Topic>> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _comments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, LoopbackResponse Response)> _script = new();
    private readonly Lock _lock = new();

    public FakeOkServer() => Server = new LoopbackHttpServer(HandleAsync);

    public LoopbackHttpServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>Optional delay before answering, for timeout tests.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<RecordedRequest> Calls(string method) =>
        [.. Server.Requests.Where(r => r.Parameters.GetValueOrDefault("method") == method)];

    public void AddTopic(string groupId, string topicId, DateTimeOffset created, string mediaJson, string extraJson = "")
    {
        lock (_lock)
        {
            _groups.GetOrAdd(groupId, _ => []).Add(new Topic(topicId, created.ToUnixTimeMilliseconds(), mediaJson, extraJson));
        }
    }

    /// <summary>Adds a comment object (raw JSON) to a topic; comments are served in the order added.</summary>
    public void AddComment(string topicId, string commentJson)
    {
        lock (_lock)
        {
            _comments.GetOrAdd(topicId, _ => []).Add(commentJson);
        }
    }

    /// <summary>Marks a comment deleted in place, as OK shows a removed comment; the other comments keep their positions.</summary>
    public void DeleteComment(string topicId, string commentId)
    {
        lock (_lock)
        {
            var comments = _comments[topicId];
            var index = comments.FindIndex(c => c.Contains($"\"id\":\"{commentId}\"", StringComparison.Ordinal));
            comments[index] = $$"""{"id":"{{commentId}}","deleted":true}""";
        }
    }

    /// <summary>The next call of <paramref name="method"/> gets <paramref name="response"/> instead of the data.</summary>
    public void Enqueue(string method, LoopbackResponse response) => _script.Enqueue((method, response));

    public static LoopbackResponse Error(int code, string message, bool header = true, bool body = true) => new(
        200,
        "application/json;charset=utf-8",
        body ? $$"""{"error_code":{{code}},"error_msg":{{JsonSerializer.Serialize(message)}},"error_data":null}""" : "",
        header ? new Dictionary<string, string> { ["invocation-error"] = code.ToString(CultureInfo.InvariantCulture) } : null);

    public static string TextBlock(string text) => $$"""{"type":"text","text":{{JsonSerializer.Serialize(text)}}}""";

    public static string Comment(string id, DateTimeOffset at, string text, string extra = "") =>
        $$"""{"id":"{{id}}","author_id":"5{{id.Length}}","author_name":"Житель","date":"{{at.ToOffset(TimeSpan.FromHours(3)):yyyy-MM-dd HH:mm:ss}}","text":{{JsonSerializer.Serialize(text)}},"like_count":2{{extra}}}""";

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task<LoopbackResponse> HandleAsync(RecordedRequest request)
    {
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay);
        }

        return Handle(request);
    }

    private LoopbackResponse Handle(RecordedRequest request)
    {
        var p = request.Parameters;
        if (!p.TryGetValue("sig", out var sig)
            || sig != OkSignature.Sign(p.Where(kv => kv.Key != "sig"), OkSignature.Secret(null, AccessToken, SecretKey)))
        {
            return Error(104, "PARAM_SIGNATURE : Invalid signature");
        }

        if (p.GetValueOrDefault("access_token") != AccessToken)
        {
            return Error(102, "PARAM_SESSION_EXPIRED : Session expired");
        }

        var method = p.GetValueOrDefault("method") ?? "";
        lock (_lock)
        {
            if (_script.TryPeek(out var next) && next.Method == method && _script.TryDequeue(out next))
            {
                return next.Response;
            }

            return method switch
            {
                "mediatopic.getTopics" => Topics(p),
                "discussions.getComments" => Comments(p),
                _ => Error(3, "METHOD : Method does not exist"),
            };
        }
    }

    private LoopbackResponse Topics(IReadOnlyDictionary<string, string> p)
    {
        if (!_groups.TryGetValue(p.GetValueOrDefault("gid") ?? "", out var topics))
        {
            return Error(300, "NOT_FOUND : Group not found");
        }

        var newestFirst = topics.OrderByDescending(t => t.CreatedMs).ToList();
        var offset = p.TryGetValue("anchor", out var anchor) ? int.Parse(anchor[1..], CultureInfo.InvariantCulture) : 0;
        var count = int.Parse(p["count"], CultureInfo.InvariantCulture);
        var page = newestFirst.Skip(offset).Take(count).ToList();
        var next = offset + page.Count;
        var items = string.Join(",", page.Select(t =>
            $$"""{"id":"{{t.Id}}","created_ms":{{t.CreatedMs}},"media":[{{t.MediaJson}}],"author_ref":"group:1","like_summary":{"count":3},"reshare_summary":{"count":1},"discussion_summary":{"comments_count":{{CommentCount(t.Id)}}}{{t.ExtraJson}}}"""));
        return LoopbackResponse.Json($$"""{"media_topics":[{{items}}],"anchor":"p{{next}}","has_more":{{(next < newestFirst.Count ? "true" : "false")}}}""");
    }

    private LoopbackResponse Comments(IReadOnlyDictionary<string, string> p)
    {
        if (p.GetValueOrDefault("discussionType") != "GROUP_TOPIC" || p.GetValueOrDefault("direction") != "FORWARD")
        {
            return Error(100, "PARAM : discussionType or direction");
        }

        var comments = _comments.GetValueOrDefault(p["discussionId"]) ?? [];
        var offset = p.TryGetValue("anchor", out var anchor) ? int.Parse(anchor[1..], CultureInfo.InvariantCulture) : 0;
        var count = int.Parse(p["count"], CultureInfo.InvariantCulture);
        var page = comments.Skip(offset).Take(count).ToList();
        var next = offset + page.Count;
        return LoopbackResponse.Json($$"""{"comments":[{{string.Join(",", page)}}],"anchor":"c{{next}}","has_more":{{(next < comments.Count ? "true" : "false")}}}""");
    }

    private int CommentCount(string topicId) =>
        (_comments.GetValueOrDefault(topicId) ?? []).Count(c => !c.Contains("\"deleted\":true", StringComparison.Ordinal));

    private sealed record Topic(string Id, long CreatedMs, string MediaJson, string ExtraJson);
}
