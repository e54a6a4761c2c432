namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Every failure of a VK call, whatever its origin: an error envelope in an HTTP 200 body, a per-call
/// <c>execute_errors</c> entry, an HTTP status, a timeout, a network error or a body that does not parse.
/// Branch on <see cref="Code"/> (<see cref="VkErrorCodes"/>), never on the message. The message and the
/// kept request parameters never contain the access token.
/// </summary>
public sealed class VkApiException : Exception
{
    public VkApiException()
        : this("VK API call failed")
    {
    }

    public VkApiException(string message)
        : this(message, null)
    {
    }

    public VkApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = "";
        Code = VkErrorCodes.Unknown;
        IsTransient = VkErrorCodes.IsTransient(Code);
    }

    public VkApiException(string method, int code, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        Code = code;
        IsTransient = VkErrorCodes.IsTransient(code);
        RetryAfter = retryAfter;
    }

    /// <summary>The VK method called, e.g. <c>wall.get</c>; for a call inside <c>execute</c>, that inner method.</summary>
    public string Method { get; }

    /// <summary>VK's <c>error_code</c>, or one of the negative codes of <see cref="VkErrorCodes"/>.</summary>
    public int Code { get; }

    /// <summary>True when retrying the same call may succeed (errors 1, 6, 9, 10, timeouts, network, HTTP 5xx).</summary>
    public bool IsTransient { get; }

    /// <summary>How long to wait before retrying, when VK's code implies it (6, 9) or the token is paused.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Error 14: the captcha id, logged so an operator can see which captcha blocked the token.</summary>
    public string? CaptchaSid { get; init; }

    /// <summary>Error 14: the captcha image URL.</summary>
    public string? CaptchaImage { get; init; }

    /// <summary>Error 17: the page where a human validates the account.</summary>
    public string? RedirectUri { get; init; }

    /// <summary>VK's echo of the request (<c>request_params</c>) without <c>access_token</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestParams { get; init; } = [];
}
