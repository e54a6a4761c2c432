namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>The OK error envelope, not wrapped in <c>response</c>: <c>{error_code, error_msg, error_data}</c> (PLATFORM-APIS §2.1).</summary>
internal sealed class OkErrorBody
{
    public int? ErrorCode { get; set; }

    public string? ErrorMsg { get; set; }
}
