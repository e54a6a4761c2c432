using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 for contract tests of the network clients: each request is recorded
/// (method, path and query, body, arrival time) and answered by the test's handler. Only loopback is used.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, Task<LoopbackResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<RecordedRequest, Task<LoopbackResponse>> handler)
    {
        _handler = handler;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public LoopbackHttpServer(Func<RecordedRequest, LoopbackResponse> handler)
        : this(request => Task.FromResult(handler(request)))
    {
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding ?? Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var request = new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            context.Request.Url.Query,
            body,
            context.Request.ContentType,
            TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
            context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(request);

        LoopbackResponse response;
        try
        {
            response = await _handler(request);
        }
        catch (Exception ex)
        {
            response = new LoopbackResponse(500, "text/plain", "handler failed: " + ex.Message);
        }

        try
        {
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // the client went away
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

/// <summary>A request as the server received it; <see cref="ArrivedAtMs"/> is Unix milliseconds of wall-clock time.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string Query, string Body, string? ContentType, long ArrivedAtMs, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Form or query parameters, decoded (VK and OK send parameters either way).</summary>
    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in (Query.TrimStart('?') + "&" + (ContentType?.Contains("form", StringComparison.OrdinalIgnoreCase) == true ? Body : "")).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = part.Split('=', 2);
                all[Uri.UnescapeDataString(pair[0].Replace('+', ' '))] = pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "";
            }

            return all;
        }
    }
}

public sealed record LoopbackResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Json(string body, int status = 200) => new(status, "application/json; charset=utf-8", body);

    public static LoopbackResponse Html(string body, int status = 200) => new(status, "text/html; charset=utf-8", body);
}
