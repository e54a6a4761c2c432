using System.Text.Json;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// What a low-level request got back: the HTTP status (null when no response arrived: refused connection,
/// timeout), the body, and the transport's exception if any.
/// </summary>
public sealed record ElasticsearchReply(int? Status, string Body, Exception? Exception)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary><c>error.type</c> of an Elasticsearch error body (<c>resource_already_exists_exception</c>), or null.</summary>
    public string? ErrorType
    {
        get
        {
            if (string.IsNullOrEmpty(Body))
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("type", out var type)
                    ? type.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>A one-line description for errors and logs: status and error type, never the request or credentials.</summary>
    public string Describe() => Status is { } status
        ? $"HTTP {status}{(ErrorType is { } type ? " " + type : "")}"
        : $"no response ({Exception?.GetType().Name ?? "unknown"}: {Innermost(Exception)?.Message})";

    private static Exception? Innermost(Exception? exception)
    {
        while (exception?.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
