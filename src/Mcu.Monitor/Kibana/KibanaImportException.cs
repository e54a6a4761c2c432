namespace Mcu.Monitor.Kibana;

/// <summary>
/// Every failure of a Kibana saved-objects import: no connection, a timeout, an HTTP error status, an answer
/// that is not Kibana's import response, or an answer that refuses some objects (<see cref="Errors"/>). The
/// message never contains the password or the API key.
/// </summary>
public sealed class KibanaImportException : Exception
{
    public KibanaImportException()
        : this("Kibana import failed")
    {
    }

    public KibanaImportException(string message)
        : this(message, null, false, [])
    {
    }

    public KibanaImportException(string message, Exception innerException)
        : this(message, null, false, [], innerException)
    {
    }

    public KibanaImportException(string message, int? httpStatus, bool isTransient, IReadOnlyList<KibanaImportError> errors, Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatus = httpStatus;
        IsTransient = isTransient;
        Errors = errors;
    }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>True when the same import may succeed later (Kibana starting, network, throttling).</summary>
    public bool IsTransient { get; }

    /// <summary>The objects Kibana refused in an otherwise answered import; empty for transport and HTTP failures.</summary>
    public IReadOnlyList<KibanaImportError> Errors { get; }
}
