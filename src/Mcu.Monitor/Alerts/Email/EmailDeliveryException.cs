namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// Every failure of an e-mail alert as one type: the SMTP status code when the server answered, and whether trying
/// again later can help. The message never carries the SMTP password nor the post text.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(string message, int? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The SMTP reply code (e.g. 550), or null when the server never answered (network, TLS, configuration).</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the same send may succeed later (network, timeouts, 4xx replies); false for 5xx, bad credentials, no address.</summary>
    public bool IsTransient { get; init; }
}
