namespace Mcu.Monitor.Sources.Ok;

/// <summary>
/// Every failure of an OK API call: the OK error code (0 when the failure is not an OK error), what it means
/// for the caller, whether retrying may help and how long to wait first. The message never contains the
/// secret key, the session secret or the access token.
/// </summary>
public sealed class OkApiException : Exception
{
    public OkApiException()
        : this("OK API call failed", 0, OkErrorKind.Other)
    {
    }

    public OkApiException(string message)
        : this(message, 0, OkErrorKind.Other)
    {
    }

    public OkApiException(string message, Exception innerException)
        : this(message, 0, OkErrorKind.Other, innerException: innerException)
    {
    }

    public OkApiException(string message, int errorCode, OkErrorKind kind, int? httpStatus = null, TimeSpan? retryAfter = null, string? method = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        Kind = kind;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
        Method = method;
    }

    /// <summary>The OK <c>error_code</c> (or the <c>invocation-error</c> header); 0 for transport and parsing failures.</summary>
    public int ErrorCode { get; }

    public OkErrorKind Kind { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>The OK method that failed, e.g. <c>mediatopic.getTopics</c>.</summary>
    public string? Method { get; }

    /// <summary>True when the same call may succeed later (throttling, network, server errors).</summary>
    public bool IsTransient => Kind is OkErrorKind.Transient or OkErrorKind.RateLimited;

    /// <summary>How long to wait before retrying, when the failure says so; otherwise the configured backoff applies.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Maps an OK error code to its meaning (PLATFORM-APIS §2.5; codes above 121 other than 300 are not reviewed).</summary>
    public static OkErrorKind KindOf(int errorCode) => errorCode switch
    {
        2 => OkErrorKind.Transient,
        8 or 11 => OkErrorKind.RateLimited,
        >= 101 and <= 105 => OkErrorKind.Credentials,
        10 or 300 => OkErrorKind.Unavailable,
        100 or 106 or 110 or 120 or 121 => OkErrorKind.BadRequest,
        _ => OkErrorKind.Other,
    };
}
