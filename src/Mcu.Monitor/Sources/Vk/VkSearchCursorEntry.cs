namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The search cursor of one query: the newest date read (unix seconds) and the keys already read at exactly
/// that date, because the next search starts at that second and returns them again.
/// </summary>
internal sealed record VkSearchCursorEntry(long D, IReadOnlyList<string> K);
