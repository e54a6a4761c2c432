using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Kibana;

/// <summary>
/// Imports the saved objects of <c>deploy/kibana/*.ndjson</c> through Kibana's import API
/// (<c>POST /api/saved_objects/_import?overwrite=true</c>, multipart field <c>file</c>, header <c>kbn-xsrf</c>;
/// ELASTIC.md §4.2). All files go in one request, so a dashboard and the data view it references are checked
/// together. A 200 answer can still refuse objects: any per-object error fails the import, naming each object.
/// <see cref="SendOnceAsync"/> is the one choke point: every failure leaves it as a
/// <see cref="KibanaImportException"/>; transient ones are retried here (the import overwrites by id, so
/// repeating it is safe). The HTTP client's request logging is removed and messages never carry a secret.
/// </summary>
internal sealed class KibanaImporter(
    IHttpClientFactory httpClientFactory,
    IOptions<KibanaOptions> options,
    TimeProvider time,
    ILogger<KibanaImporter> logger)
{
    public const string HttpClientName = "Mcu.Monitor.Kibana";

    /// <summary>The name the payload is sent under; Kibana accepts only the <c>.ndjson</c> extension.</summary>
    public const string PayloadFileName = "mcu-monitor.ndjson";

    private const int MaxMessageLength = 300;

    /// <summary>The configured <see cref="KibanaOptions.SavedObjectsPath"/>, a relative one taken from the application folder.</summary>
    public string DefaultDirectory => Path.GetFullPath(options.Value.SavedObjectsPath, AppContext.BaseDirectory);

    /// <summary>The <c>*.ndjson</c> files of <paramref name="directory"/>, by name; none when the folder is missing.</summary>
    public static IReadOnlyList<string> FindFiles(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.ndjson").Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Imports every file of <paramref name="files"/> in one request, retrying transient failures.</summary>
    public async Task<KibanaImportResult> ImportAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Url))
        {
            throw new InvalidOperationException("Kibana is not configured: set Kibana:Url (Kibana__Url)");
        }

        if (files.Count == 0)
        {
            throw new ArgumentException("no saved-object files to import", nameof(files));
        }

        var (payload, objects) = await ReadPayloadAsync(files, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                KibanaLog.Importing(logger, objects, files.Count, Safe(Endpoint(o).ToString()), attempt);
                var successCount = await SendOnceAsync(payload, o, cancellationToken);
                KibanaLog.Imported(logger, successCount);
                return new KibanaImportResult(files, objects, successCount);
            }
            catch (KibanaImportException ex) when (ex.IsTransient && attempt <= o.MaxRetries)
            {
                KibanaLog.Retrying(logger, ex.Message, attempt, o.MaxRetries, o.RetryDelay);
                await Task.Delay(o.RetryDelay, time, cancellationToken);
            }
        }
    }

    /// <summary>The import endpoint: <c>{Url}[/s/{SpaceId}]/api/saved_objects/_import?overwrite=true</c>.</summary>
    public static Uri Endpoint(KibanaOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var space = string.IsNullOrEmpty(o.SpaceId) ? "" : "/s/" + o.SpaceId;
        return new Uri($"{o.Url.TrimEnd('/')}{space}/api/saved_objects/_import?overwrite=true");
    }

    /// <summary>The files' saved objects as one ndjson document, one object a line; blank lines are dropped.</summary>
    private static async Task<(byte[] Payload, int Objects)> ReadPayloadAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        var objects = 0;
        foreach (var file in files)
        {
            foreach (var line in await File.ReadAllLinesAsync(file, Encoding.UTF8, cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                builder.Append(line.Trim()).Append('\n');
                // An export's closing summary line ({"exportedCount":…}) is not an object; Kibana skips it too.
                if (!line.Contains("\"exportedCount\"", StringComparison.Ordinal))
                {
                    objects++;
                }
            }
        }

        return (new UTF8Encoding(false).GetBytes(builder.ToString()), objects);
    }

    private async Task<int> SendOnceAsync(byte[] payload, KibanaOptions o, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(o));
        request.Headers.Add("kbn-xsrf", "true");
        request.Headers.Authorization = Authorization(o);
        var file = new ByteArrayContent(payload);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/ndjson");
        using var content = new MultipartFormDataContent { { file, "file", PayloadFileName } };
        request.Content = content;

        using var timeout = new CancellationTokenSource(o.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var client = httpClientFactory.CreateClient(HttpClientName);
        int status;
        string body;
        try
        {
            using var response = await client.SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KibanaImportException($"Kibana import: no answer from {Safe(o.Url)} within {o.RequestTimeout}", null, true, [], ex);
        }
        catch (HttpRequestException ex)
        {
            throw new KibanaImportException($"Kibana import: cannot reach {Safe(o.Url)} ({ex.HttpRequestError})", null, true, [], ex);
        }

        if (status is < 200 or > 299)
        {
            throw HttpError(status, body, o);
        }

        return ParseResponse(body, status, o);
    }

    private static AuthenticationHeaderValue? Authorization(KibanaOptions o)
    {
        if (!string.IsNullOrEmpty(o.ApiKey))
        {
            return new AuthenticationHeaderValue("ApiKey", o.ApiKey);
        }

        if (!string.IsNullOrEmpty(o.Username))
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Username}:{o.Password}")));
        }

        return null;
    }

    private static KibanaImportException HttpError(int status, string body, KibanaOptions o)
    {
        var transient = status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests
            or (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;
        var hint = status switch
        {
            (int)HttpStatusCode.Unauthorized => "Kibana rejected the credentials: check Kibana:Username and Kibana:Password, or Kibana:ApiKey",
            (int)HttpStatusCode.Forbidden => "the user may not manage saved objects in this space (Kibana feature privilege «Saved Objects Management»)",
            (int)HttpStatusCode.NotFound => "no import API at this address: check Kibana:Url and Kibana:SpaceId",
            (int)HttpStatusCode.RequestEntityTooLarge => "the files exceed Kibana's savedObjects.maxImportPayloadBytes",
            _ when transient => "Kibana is not ready",
            _ => null,
        };
        var message = KibanaMessage(body);
        var text = string.Create(CultureInfo.InvariantCulture, $"Kibana import: HTTP {status}")
            + (hint is null ? "" : ": " + hint)
            + (string.IsNullOrEmpty(message) ? "" : $" (Kibana: {Redact(message, o)})");
        return new KibanaImportException(text, status, transient, []);
    }

    /// <summary>The <c>message</c> of Kibana's error body (<c>{"statusCode":…,"error":…,"message":…}</c>), clipped.</summary>
    private static string? KibanaMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                var text = message.GetString() ?? "";
                return text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
            }
        }
        catch (JsonException)
        {
            // not JSON (a proxy's HTML page): the status says enough
        }

        return null;
    }

    private int ParseResponse(string body, int status, KibanaOptions o)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new KibanaImportException(
                $"Kibana import: the answer is not JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}); is Kibana:Url Kibana?", status, false, []);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out var success)
                || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new KibanaImportException("Kibana import: the answer has no 'success' field; is Kibana:Url Kibana?", status, false, []);
            }

            var successCount = root.TryGetProperty("successCount", out var count) && count.TryGetInt32(out var n) ? n : 0;
            var errors = new List<KibanaImportError>();
            if (root.TryGetProperty("errors", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    var error = ReadError(item, o);
                    KibanaLog.ObjectRefused(logger, error.Type, error.Id, error.ErrorType, error.Detail);
                    errors.Add(error);
                }
            }

            if (errors.Count > 0 || success.ValueKind == JsonValueKind.False)
            {
                var list = errors.Count == 0 ? "no object named" : string.Join("; ", errors);
                throw new KibanaImportException(
                    string.Create(CultureInfo.InvariantCulture, $"Kibana import refused {errors.Count} saved objects ({successCount} imported): {list}"),
                    status, false, errors);
            }

            return successCount;
        }
    }

    private static KibanaImportError ReadError(JsonElement item, KibanaOptions o)
    {
        static string? Text(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        var title = Text(item, "title")
            ?? (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("meta", out var meta) ? Text(meta, "title") : null);
        var error = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("error", out var e) ? e : default;
        var errorType = Text(error, "type") ?? "unknown";
        string? detail = null;
        if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            detail = "missing " + string.Join(", ", references.EnumerateArray().Select(r => $"{Text(r, "type")} {Text(r, "id")}"));
        }
        else if (Text(error, "message") is { } message)
        {
            detail = Redact(message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…", o);
        }

        return new KibanaImportError(Text(item, "type") ?? "?", Text(item, "id") ?? "?", title, errorType, detail);
    }

    /// <summary>The URL as logged and shown: scheme, host, port and path only, never user information.</summary>
    private static string Safe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" : "Kibana:Url";

    /// <summary>Kibana's own text never should, but must not be able to, echo a secret.</summary>
    private static string Redact(string text, KibanaOptions o)
    {
        foreach (var secret in new[] { o.Password, o.ApiKey })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
