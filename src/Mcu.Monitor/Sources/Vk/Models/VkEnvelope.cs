using System.Text.Json;

namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>A successful body: the <c>response</c> value (detached from its document) and any <c>execute_errors</c>.</summary>
internal sealed record VkEnvelope(JsonElement Response, IReadOnlyList<VkExecuteError> ExecuteErrors);
