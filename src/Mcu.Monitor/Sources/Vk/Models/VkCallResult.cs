namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>The outcome of one call inside <c>execute</c>: a value or that call's own error.</summary>
internal sealed record VkCallResult<T>(T? Value, VkApiException? Error)
    where T : class;
