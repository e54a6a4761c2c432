using System.Globalization;
using System.Net;
using System.Text.Json;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The VK API client (version <see cref="VkOptions.ApiVersion"/>). Every request goes through
/// <see cref="SendOnceAsync{T}"/>, which turns each failure into a <see cref="VkApiException"/>; the only retry
/// layer is the Polly pipeline around it. The token travels in the POST body, so it is never in a URL.
/// One instance per token: it owns that token's rate limiter and state.
/// </summary>
internal sealed class VkApiClient : IDisposable
{
    public const string HttpClientName = "Mcu.Monitor.Vk";

    /// <summary>The longest <c>Retry-After</c> of an HTTP 429 waited for within one call.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    /// <summary>The wire format: snake_case names, numbers also as strings, unknown members ignored.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    private readonly Func<HttpClient> _http;
    private readonly VkOptions _options;
    private readonly TimeProvider _time;
    private readonly IOperatorAlerts _alerts;
    private readonly ILogger _logger;
    private readonly VkRateLimiter _limiter;
    private readonly ResiliencePipeline _retry;
    private readonly Uri _baseAddress;
    private int _requestsSent;

    public VkApiClient(Func<HttpClient> http, VkOptions options, TimeProvider time, IOperatorAlerts alerts, ILogger<VkApiClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _alerts = alerts;
        _logger = logger;
        _limiter = new VkRateLimiter(options.RequestsPerSecond, time);
        Token = new VkTokenState(time);
        _baseAddress = new Uri(options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/", UriKind.Absolute);

        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<VkApiException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDelay(args.Outcome.Exception, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var code = (args.Outcome.Exception as VkApiException)?.Code ?? VkErrorCodes.Unknown;
                    var method = (args.Outcome.Exception as VkApiException)?.Method ?? "";
                    VkLog.Retrying(_logger, method, code, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        _retry = builder.Build();
    }

    public VkTokenState Token { get; }

    /// <summary>HTTP requests sent by this client (for tests and diagnostics).</summary>
    public int RequestsSent => Volatile.Read(ref _requestsSent);

    public Task<VkWallPage> GetWallAsync(VkWallRequest request, CancellationToken cancellationToken) =>
        CallAsync("wall.get", [
            Param("owner_id", request.OwnerId), Param("offset", request.Offset), Param("count", request.Count), new("extended", "1")],
            e => Deserialize<VkWallPage>(e.Response) ?? new VkWallPage(), cancellationToken);

    /// <summary>Up to 25 <c>wall.get</c> calls in one <c>execute</c>; each call succeeds or fails on its own.</summary>
    public Task<IReadOnlyList<VkCallResult<VkWallPage>>> ExecuteWallGetAsync(IReadOnlyList<VkWallRequest> requests, CancellationToken cancellationToken) =>
        CallAsync("execute", [new("code", VkExecuteScript.WallGet(requests))],
            e => (IReadOnlyList<VkCallResult<VkWallPage>>)ReadExecute<VkWallPage>("wall.get", e, requests.Count), cancellationToken);

    /// <summary>Top-level comments of a post (oldest first, each with up to 10 replies), or one comment's replies.</summary>
    public Task<VkCommentsPage> GetCommentsAsync(long ownerId, long postId, long? commentId, int offset, int count, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            Param("owner_id", ownerId), Param("post_id", postId), Param("offset", offset), Param("count", count),
            new("sort", "asc"), new("extended", "1"), new("need_likes", "1"), new("preview_length", "0"),
        };
        parameters.Add(commentId is { } id ? Param("comment_id", id) : new("thread_items_count", "10"));
        return CallAsync("wall.getComments", parameters, e => Deserialize<VkCommentsPage>(e.Response) ?? new VkCommentsPage(), cancellationToken);
    }

    public Task<VkSearchPage> SearchAsync(string query, long startTime, long? endTime, string? startFrom, int count, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("q", query), Param("count", count), new("extended", "1"), Param("start_time", startTime),
        };
        if (endTime is { } end)
        {
            parameters.Add(Param("end_time", end));
        }

        if (!string.IsNullOrEmpty(startFrom))
        {
            parameters.Add(new("start_from", startFrom));
        }

        return CallAsync("newsfeed.search", parameters, e => Deserialize<VkSearchPage>(e.Response) ?? new VkSearchPage(), cancellationToken);
    }

    /// <summary>Communities by id or screen name; accepts the 5.199 <c>{groups, profiles}</c> shape and the legacy bare array.</summary>
    public Task<IReadOnlyList<VkGroup>> GetGroupsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        CallAsync("groups.getById", [new("group_ids", string.Join(',', ids))], e =>
        {
            var list = e.Response.ValueKind == JsonValueKind.Object && e.Response.TryGetProperty("groups", out var groups) ? groups : e.Response;
            return (IReadOnlyList<VkGroup>)(Deserialize<List<VkGroup?>>(list) ?? []).OfType<VkGroup>().ToList();
        }, cancellationToken);

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// The body as VK sent it: a success envelope, or a <see cref="VkApiException"/> for an error envelope or
    /// anything that is not one. Nothing else escapes, whatever the bytes.
    /// </summary>
    internal VkEnvelope ParseBody(string method, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(method, "the body is not a JSON object", null);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw FromError(method, error);
            }

            if (!root.TryGetProperty("response", out var response))
            {
                throw Malformed(method, "the body has neither 'response' nor 'error'", null);
            }

            var executeErrors = new List<VkExecuteError>();
            if (root.TryGetProperty("execute_errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    executeErrors.Add(new VkExecuteError(
                        Text(item, "method") ?? method,
                        Int(item, "error_code") ?? VkErrorCodes.ExecuteCallFailed,
                        Text(item, "error_msg") ?? ""));
                }
            }

            return new VkEnvelope(response.Clone(), executeErrors);
        }
        catch (VkApiException)
        {
            throw;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw Malformed(method, "the body is not valid JSON", ex);
        }
    }

    private async Task<T> CallAsync<T>(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, Func<VkEnvelope, T> read, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async token => await SendOnceAsync(method, parameters, read, token), cancellationToken);

    /// <summary>The choke point: one HTTP request, every failure mapped to <see cref="VkApiException"/>.</summary>
    private async Task<T> SendOnceAsync<T>(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, Func<VkEnvelope, T> read, CancellationToken cancellationToken)
    {
        Token.EnsureUsable(method);
        if (string.IsNullOrEmpty(_options.ServiceToken))
        {
            throw new VkApiException(method, VkErrorCodes.Auth, $"VK {method}: no service token is configured (Sources:Vk:ServiceToken)");
        }

        byte[] body;
        using (await _limiter.AcquireAsync(cancellationToken))
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.RequestTimeout);
            Interlocked.Increment(ref _requestsSent);
            try
            {
                using var content = new FormUrlEncodedContent(
                    [.. parameters, new("v", VkOptions.ApiVersion), new("access_token", _options.ServiceToken)]);
                using var response = await _http().PostAsync(new Uri(_baseAddress, "method/" + method), content, timeout.Token);
                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    throw new VkApiException(method,
                        status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests ? VkErrorCodes.HttpStatus : VkErrorCodes.MalformedResponse,
                        string.Create(CultureInfo.InvariantCulture, $"VK {method}: HTTP {status}"),
                        response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfterHeader(response) : null);
                }

                body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new VkApiException(method, VkErrorCodes.Timeout, $"VK {method}: no answer within {_options.RequestTimeout}", null, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                // The inner exception is kept for diagnosis: it names the host, never the body we sent.
                throw new VkApiException(method, VkErrorCodes.Transport, $"VK {method}: network error: {ex.GetType().Name}", null, ex);
            }
        }

        VkEnvelope envelope;
        try
        {
            envelope = ParseBody(method, body);
        }
        catch (VkApiException ex)
        {
            Apply(ex);
            throw;
        }

        foreach (var inner in envelope.ExecuteErrors)
        {
            Apply(FromExecuteError(inner));
        }

        try
        {
            return read(envelope);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Malformed(method, "the response does not have the expected shape", ex);
        }
    }

    /// <summary>What an error means for the token beyond this call (§1.8): refused, resting, or a method's quota spent.</summary>
    private void Apply(VkApiException error)
    {
        if (VkErrorCodes.DisablesToken(error.Code))
        {
            Token.Disable(error.Code);
            VkLog.TokenDisabled(_logger, error.Method, error.Code);
            _alerts.Raise("vk-token", string.Create(CultureInfo.InvariantCulture,
                $"VK отклонил сервисный ключ (ошибка {error.Code}, метод {error.Method}); чтение VK остановлено до перезапуска. Проверьте ключ в переменной окружения Sources__Vk__ServiceToken."));
        }
        else if (VkErrorCodes.PausesToken(error.Code))
        {
            var until = Token.Pause(error.Code, _options.TokenPause);
            VkLog.TokenPaused(_logger, error.Method, error.Code, error.CaptchaSid, until);
        }
        else if (error.Code == VkErrorCodes.RateLimit)
        {
            VkLog.MethodSuspended(_logger, error.Method, Token.SuspendMethodForToday(error.Method));
        }
    }

    private List<VkCallResult<T>> ReadExecute<T>(string innerMethod, VkEnvelope envelope, int calls)
        where T : class
    {
        // A failed call's slot holds false (or null) and its error is the next entry of execute_errors, in order.
        var errors = new Queue<VkExecuteError>(envelope.ExecuteErrors);
        var values = envelope.Response.ValueKind == JsonValueKind.Array ? envelope.Response.EnumerateArray().ToList() : [];
        var results = new List<VkCallResult<T>>(calls);
        for (var i = 0; i < calls; i++)
        {
            if (i < values.Count && values[i].ValueKind == JsonValueKind.Object)
            {
                try
                {
                    results.Add(new VkCallResult<T>(Deserialize<T>(values[i]), null));
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
                {
                    results.Add(new VkCallResult<T>(null, Malformed(innerMethod, "one result of execute does not have the expected shape", ex)));
                }

                continue;
            }

            results.Add(new VkCallResult<T>(null, errors.TryDequeue(out var error)
                ? FromExecuteError(error)
                : new VkApiException(innerMethod, VkErrorCodes.ExecuteCallFailed, $"VK {innerMethod} (in execute): no result and no error")));
        }

        return results;
    }

    private TimeSpan RetryDelay(Exception? exception, int attempt)
    {
        var error = exception as VkApiException;
        if (error?.RetryAfter is { } after)
        {
            return after;
        }

        var backoff = _options.RetryDelay * Math.Pow(2, Math.Min(attempt, 16));
        return backoff < _options.MaxRetryDelay ? backoff : _options.MaxRetryDelay;
    }

    /// <summary>
    /// The wait an HTTP 429 asks for (<c>Retry-After</c>, seconds or a date), at most <see cref="MaxRetryAfter"/>;
    /// none when absent, and then the doubling back-off applies.
    /// </summary>
    private TimeSpan? RetryAfterHeader(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxRetryAfter ? MaxRetryAfter : value;
    }

    private VkApiException FromError(string method, JsonElement error)
    {
        var code = Int(error, "error_code") ?? VkErrorCodes.MalformedResponse;
        var requestParams = new List<KeyValuePair<string, string>>();
        if (error.TryGetProperty("request_params", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var key = Text(item, "key") ?? "";
                if (!key.Equals("access_token", StringComparison.OrdinalIgnoreCase))
                {
                    requestParams.Add(new(key, Scrub(Text(item, "value") ?? "")));
                }
            }
        }

        return new VkApiException(method, code, Scrub(string.Create(CultureInfo.InvariantCulture, $"VK {method}: error {code}: {Text(error, "error_msg")}")), RetryAfterFor(code))
        {
            CaptchaSid = Text(error, "captcha_sid"),
            CaptchaImage = Text(error, "captcha_img"),
            RedirectUri = Text(error, "redirect_uri"),
            RequestParams = requestParams,
        };
    }

    private VkApiException FromExecuteError(VkExecuteError error) =>
        new(error.Method, error.Code, Scrub(string.Create(CultureInfo.InvariantCulture, $"VK {error.Method} (in execute): error {error.Code}: {error.Message}")), RetryAfterFor(error.Code));

    private TimeSpan? RetryAfterFor(int code) => code switch
    {
        VkErrorCodes.TooManyRequests => _options.TooManyRequestsDelay,
        VkErrorCodes.FloodControl => _options.FloodControlDelay,
        VkErrorCodes.Captcha or VkErrorCodes.ValidationRequired => _options.TokenPause,
        _ => null,
    };

    private static VkApiException Malformed(string method, string reason, Exception? inner) =>
        new(method, VkErrorCodes.MalformedResponse, $"VK {method}: {reason}", null, inner);

    /// <summary>VK may echo the request back; make sure the token never leaves this class in a message.</summary>
    private string Scrub(string text) =>
        string.IsNullOrEmpty(_options.ServiceToken) ? text : text.Replace(_options.ServiceToken, "***", StringComparison.Ordinal);

    private static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Json);

    private static KeyValuePair<string, string> Param(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
