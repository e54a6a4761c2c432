namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>One entry of <c>execute_errors</c>: a call inside <c>execute</c> that failed (its result is <c>false</c>).</summary>
internal sealed record VkExecuteError(string Method, int Code, string Message);
