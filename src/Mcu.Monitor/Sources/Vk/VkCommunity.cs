namespace Mcu.Monitor.Sources.Vk;

/// <summary>A resolved community: the configured name (for logs and operator alerts) and its wall's owner id (negative).</summary>
internal sealed record VkCommunity(string Name, long OwnerId);
