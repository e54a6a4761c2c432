namespace Mcu.Monitor.Sources.Ok;

/// <summary>What a failed OK call means for the caller (PLATFORM-APIS §2.5).</summary>
public enum OkErrorKind
{
    /// <summary>An OK error code without a defined action: not retried, logged (§2.5 design note).</summary>
    Other,

    /// <summary>Network failure, timeout, HTTP 5xx/429/408 or OK error 2 (SERVICE): retried with backoff.</summary>
    Transient,

    /// <summary>OK error 8 (FLOOD_BLOCKED) or 11 (LIMIT_REACHED): retried with backoff.</summary>
    RateLimited,

    /// <summary>OK errors 101–105: the keys, token or signature are rejected; terminal, an operator alert is raised.</summary>
    Credentials,

    /// <summary>OK errors 10 (PERMISSION_DENIED), 300 (NOT_FOUND): the group or topic cannot be read; that item is skipped.</summary>
    Unavailable,

    /// <summary>A parameter was refused (100, 106, 110, …): a bug or a wrong id in configuration; not retried.</summary>
    BadRequest,

    /// <summary>The response was not the JSON expected (malformed, truncated, wrong types): not retried.</summary>
    InvalidResponse,
}
