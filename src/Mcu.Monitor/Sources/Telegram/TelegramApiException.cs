namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// Every failure of a Telegram source, from the Bot API or the t.me/s web preview, as one type: the Bot API
/// error code or HTTP status, whether trying again later can help, and how long to wait. The message never
/// carries the bot token (it is part of every Bot API URL) nor post texts.
/// </summary>
public sealed class TelegramApiException : Exception
{
    public TelegramApiException()
    {
    }

    public TelegramApiException(string message)
        : base(message)
    {
    }

    public TelegramApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TelegramApiException(string message, int? errorCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>The Bot API <c>error_code</c>, or the HTTP status of the web preview; null for network failures.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>True when the same request may succeed later (network, timeouts, 5xx, 429); false for a bad token or request.</summary>
    public bool IsTransient { get; init; }

    /// <summary>How long the server asked us to wait (<c>retry_after</c>, <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For a Bot API 400 «group upgraded to a supergroup»: the new chat id.</summary>
    public long? MigrateToChatId { get; init; }
}
