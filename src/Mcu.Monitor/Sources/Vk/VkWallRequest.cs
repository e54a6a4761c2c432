namespace Mcu.Monitor.Sources.Vk;

/// <summary>One <c>wall.get</c> page to read: the wall's owner id (negative for a community), offset and count.</summary>
internal sealed record VkWallRequest(long OwnerId, int Offset, int Count);
