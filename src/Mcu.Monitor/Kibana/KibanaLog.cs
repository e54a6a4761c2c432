using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Kibana;

/// <summary>Kibana import log events, ids 3100–3199. URLs without credentials, ids and counts only: never a password or key.</summary>
internal static partial class KibanaLog
{
    [LoggerMessage(3100, LogLevel.Information, "Kibana: importing {Objects} saved objects from {Files} files into {Endpoint}, attempt {Attempt}")]
    public static partial void Importing(ILogger logger, int objects, int files, string endpoint, int attempt);

    [LoggerMessage(3101, LogLevel.Warning, "Kibana import failed transiently ({Reason}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string reason, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(3102, LogLevel.Information, "Kibana: imported {SuccessCount} saved objects")]
    public static partial void Imported(ILogger logger, int successCount);

    [LoggerMessage(3103, LogLevel.Error, "Kibana refused saved object {Type} {Id}: {ErrorType} {Detail}")]
    public static partial void ObjectRefused(ILogger logger, string type, string id, string errorType, string? detail);
}
