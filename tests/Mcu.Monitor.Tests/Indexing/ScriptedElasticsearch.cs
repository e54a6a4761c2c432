using System.Text;
using Elastic.Transport;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>
/// An <see cref="IRequestInvoker"/> that records every request (method, path, query, body) and answers each through
/// a fresh Elastic.Transport <see cref="InMemoryRequestInvoker"/> chosen by <see cref="Respond"/> (ELASTIC.md §2.1:
/// a queue of in-memory invokers for multi-step flows). Replies carry <c>x-elastic-product: Elasticsearch</c> and
/// <c>application/json</c>, as the 9.x client's product check requires.
/// </summary>
public sealed class ScriptedElasticsearch : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new() { ["x-elastic-product"] = ["Elasticsearch"] };
    private readonly List<RecordedRequest> _requests = [];
    private readonly InMemoryRequestInvoker _factorySource = new();

    /// <summary>Chooses the reply to a request; a reply with an exception is a request that got no response.</summary>
    public Func<RecordedRequest, ScriptedReply> Respond { get; set; } = _ => ScriptedReply.Json(200, """{"acknowledged":true}""");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public ResponseFactory ResponseFactory => _factorySource.ResponseFactory;

    public void Dispose()
    {
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var buffer = new MemoryStream();
            await postData.WriteAsync(buffer, boundConfiguration.ConnectionSettings, true, cancellationToken);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }

        var reply = Record(endpoint, body);
        if (reply.Exception is not null)
        {
            throw reply.Exception;
        }

        return await Invoker(reply).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var buffer = new MemoryStream();
            postData.Write(buffer, boundConfiguration.ConnectionSettings, true);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }

        var reply = Record(endpoint, body);
        if (reply.Exception is not null)
        {
            throw reply.Exception;
        }

        return Invoker(reply).Request<TResponse>(endpoint, boundConfiguration, postData);
    }

    private ScriptedReply Record(Endpoint endpoint, string body)
    {
        var request = new RecordedRequest(endpoint.Method.ToString(), Uri.UnescapeDataString(endpoint.Uri.AbsolutePath), endpoint.Uri.Query, body);
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Respond(request);
    }

    private static InMemoryRequestInvoker Invoker(ScriptedReply reply) =>
        new(Encoding.UTF8.GetBytes(reply.Body), reply.Status, null, "application/json", ProductHeader);
}

public sealed record RecordedRequest(string Method, string Path, string Query, string Body)
{
    /// <summary>The NDJSON body of a bulk request, line by line.</summary>
    public IReadOnlyList<string> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record ScriptedReply(int Status, string Body, Exception? Exception)
{
    public static ScriptedReply Json(int status, string body) => new(status, body, null);

    /// <summary>What the HTTP invoker meets when nothing listens on the port.</summary>
    public static ScriptedReply Refused() =>
        new(0, "", new HttpRequestException("Connection refused (localhost:9200)", new System.Net.Sockets.SocketException(111)));
}
