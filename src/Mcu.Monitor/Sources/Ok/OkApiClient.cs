using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Sources.Ok.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>
/// The signed OK REST client (PLATFORM-APIS §2). <see cref="CallAsync{T}"/> is the one choke point: every
/// failure — network, timeout, HTTP status, the OK error envelope (found by <c>error_code</c> in the body or
/// by the <c>invocation-error</c> header), malformed JSON — leaves it as an <see cref="OkApiException"/>, and
/// it is the only layer that retries (transient errors, with doubling backoff). Parameters, the token included,
/// travel in a POST body, never in the URL, and the HTTP client's request logging is removed.
/// </summary>
internal sealed class OkApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<OkOptions> options,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<OkApiClient> logger)
{
    public const string HttpClientName = "Mcu.Monitor.Ok";

    /// <summary>Operator alert key of rejected credentials; one key for all groups, since they share the keys.</summary>
    public const string CredentialsAlertKey = "ok-credentials";

    private const int MaxErrorMessageLength = 300;

    private readonly Lock _lock = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _credentialsPausedUntil = DateTimeOffset.MinValue;
    private int _credentialsErrorCode;

    /// <summary>A page of a group's topics [unverified method: PLATFORM-APIS §2.3]. No anchor: the newest page.</summary>
    public Task<OkTopicsResponse> GetTopicsAsync(string groupId, string? anchor, int count, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gid"] = groupId,
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(anchor))
        {
            parameters["anchor"] = anchor;
        }

        return CallAsync("mediatopic.getTopics", parameters, OkJsonContext.Default.OkTopicsResponse, cancellationToken);
    }

    /// <summary>A page of a group topic's comments, forward from <paramref name="anchor"/> (PLATFORM-APIS §2.3, §2.4).</summary>
    public Task<OkCommentsResponse> GetCommentsAsync(string topicId, string? anchor, int count, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["discussionId"] = topicId,
            ["discussionType"] = "GROUP_TOPIC",
            ["direction"] = "FORWARD",
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(anchor))
        {
            parameters["anchor"] = anchor;
        }

        return CallAsync("discussions.getComments", parameters, OkJsonContext.Default.OkCommentsResponse, cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/>, retrying transient failures; any other outcome is the result or an <see cref="OkApiException"/>.</summary>
    public async Task<T> CallAsync<T>(string method, IReadOnlyDictionary<string, string> parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(method, parameters, type, attempt, cancellationToken);
            }
            catch (OkApiException ex) when (ex.IsTransient && attempt <= o.MaxRetries)
            {
                var delay = Backoff(attempt, ex.RetryAfter);
                OkLog.RetryingTransient(logger, method, ex.ErrorCode, ex.Kind, attempt, o.MaxRetries, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var o = options.Value;
        var doubled = o.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = doubled > o.MaxRetryDelay ? o.MaxRetryDelay : doubled;
        // The server's own hint wins when it asks for longer than our schedule.
        return retryAfter is { } hint && hint > delay ? hint : delay;
    }

    private async Task<T> SendOnceAsync<T>(string method, IReadOnlyDictionary<string, string> parameters, JsonTypeInfo<T> type, int attempt, CancellationToken cancellationToken)
    {
        var o = options.Value;
        ThrowIfCredentialsPaused(method);
        await WaitForSlotAsync(o.MinRequestInterval, cancellationToken);
        OkLog.Calling(logger, method, attempt);

        using var content = new FormUrlEncodedContent(SignedParameters(method, parameters, o));
        using var timeout = new CancellationTokenSource(o.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var client = httpClientFactory.CreateClient(HttpClientName);

        int status;
        byte[] body;
        string? invocationError;
        TimeSpan? retryAfter;
        try
        {
            using var response = await client.PostAsync(Endpoint(o), content, linked.Token);
            status = (int)response.StatusCode;
            invocationError = response.Headers.TryGetValues("invocation-error", out var values) ? values.FirstOrDefault() : null;
            retryAfter = response.Headers.RetryAfter?.Delta;
            body = await response.Content.ReadAsByteArrayAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OkApiException($"OK {method}: no answer within {o.RequestTimeout}", 0, OkErrorKind.Transient, method: method, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            // The URL carries no secrets (they travel in the body), so the transport message is safe to keep.
            throw new OkApiException($"OK {method}: network failure ({ex.HttpRequestError})", 0, OkErrorKind.Transient, method: method, innerException: ex);
        }

        var error = ReadError(body, invocationError);
        if (error is { } e)
        {
            throw ApiError(method, e.Code, e.Message, status, retryAfter, o);
        }

        if (status is < 200 or > 299)
        {
            var transient = status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;
            throw new OkApiException($"OK {method}: HTTP {status}", 0, transient ? OkErrorKind.Transient : OkErrorKind.Other, status, retryAfter, method);
        }

        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new OkApiException($"OK {method}: the response is JSON null", 0, OkErrorKind.InvalidResponse, status, method: method);
        }
        catch (JsonException ex)
        {
            // The exception's own message can quote the payload (personal data); keep only where it broke.
            throw new OkApiException(
                $"OK {method}: the response is not the JSON expected (at {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine})",
                0, OkErrorKind.InvalidResponse, status, method: method);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new OkApiException($"OK {method}: the response cannot be read ({ex.GetType().Name})", 0, OkErrorKind.InvalidResponse, status, method: method);
        }
    }

    private OkApiException ApiError(string method, int code, string? message, int status, TimeSpan? retryAfter, OkOptions o)
    {
        var kind = OkApiException.KindOf(code);
        var text = $"OK {method}: error {code}{(string.IsNullOrWhiteSpace(message) ? "" : ": " + Redact(message, o))}";
        if (kind == OkErrorKind.Credentials)
        {
            var until = time.GetUtcNow() + o.CredentialsPause;
            lock (_lock)
            {
                _credentialsPausedUntil = until;
                _credentialsErrorCode = code;
            }

            OkLog.CredentialsRejected(logger, method, code, until);
            alerts.Raise(CredentialsAlertKey,
                $"Одноклассники отклонили ключи приложения (ошибка {code}); группы OK не читаются. Проверьте Sources:Ok:ApplicationKey, SecretKey/SessionSecretKey и AccessToken.");
        }

        // OK gives no retry hint for throttling; the configured delay is the least wait.
        var hint = kind == OkErrorKind.RateLimited ? (retryAfter ?? o.RetryDelay) : retryAfter;
        return new OkApiException(text, code, kind, status, hint, method);
    }

    private void ThrowIfCredentialsPaused(string method)
    {
        DateTimeOffset until;
        int code;
        lock (_lock)
        {
            until = _credentialsPausedUntil;
            code = _credentialsErrorCode;
        }

        if (time.GetUtcNow() < until)
        {
            OkLog.CredentialsPaused(logger, method, code, until);
            throw new OkApiException($"OK {method}: not called, the credentials were rejected (error {code}); calls resume after {until:u}", code, OkErrorKind.Credentials, method: method);
        }
    }

    /// <summary>Spaces calls by <paramref name="interval"/> (PLATFORM-APIS §2.6): each caller reserves the next free slot, then waits for it.</summary>
    private async Task WaitForSlotAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static Uri Endpoint(OkOptions o)
    {
        var baseUrl = o.ApiBaseUrl.EndsWith('/') ? o.ApiBaseUrl : o.ApiBaseUrl + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), "fb.do");
    }

    /// <summary>The common parameters, the method's own, <c>sig</c> over them (§2.2), then <c>access_token</c>.</summary>
    private static List<KeyValuePair<string, string>> SignedParameters(string method, IReadOnlyDictionary<string, string> parameters, OkOptions o)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("application_key", o.ApplicationKey),
            new("format", "json"),
            new("method", method),
        };
        all.AddRange(parameters.Where(p => p.Key is not ("application_key" or "format" or "method" or "sig" or "access_token" or "session_key")));
        var secret = OkSignature.Secret(o.SessionSecretKey, o.AccessToken, o.SecretKey);
        all.Add(new("sig", OkSignature.Sign(all, secret)));
        if (!string.IsNullOrEmpty(o.AccessToken))
        {
            all.Add(new("access_token", o.AccessToken));
        }

        return all;
    }

    /// <summary>
    /// The OK error, from the unwrapped body's <c>error_code</c> or, when the body says nothing usable, from the
    /// <c>invocation-error</c> header (PLATFORM-APIS §2.1). Null: the body is not an error.
    /// </summary>
    private static (int Code, string? Message)? ReadError(byte[] body, string? invocationError)
    {
        var headerCode = int.TryParse(invocationError?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) ? h : (int?)null;
        var isError = headerCode is not null;
        OkErrorBody? error = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error_code", out _))
            {
                isError = true;
                error = document.RootElement.Deserialize(OkJsonContext.Default.OkErrorBody);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            // Not JSON, or an error body we cannot read: the header (if any) still tells the code.
        }

        if (!isError)
        {
            return null;
        }

        // An error_code we cannot read is still an error, never a success with empty content.
        return (error?.ErrorCode ?? headerCode ?? 0, error?.ErrorMsg);
    }

    /// <summary>OK's message is short and should hold no secrets; the configured ones are masked anyway, and it is capped.</summary>
    private static string Redact(string message, OkOptions o)
    {
        var signingSecret = OkSignature.Secret(o.SessionSecretKey, o.AccessToken, o.SecretKey);
        foreach (var secret in new[] { o.SecretKey, o.SessionSecretKey, o.AccessToken, signingSecret })
        {
            if (secret.Length >= 4)
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        message = message.ReplaceLineEndings(" ");
        return message.Length > MaxErrorMessageLength ? message[..MaxErrorMessageLength] + "…" : message;
    }
}
