namespace Mcu.Monitor.Domain;

/// <summary>
/// What is known of the post a comment answers. Comments are short («у нас на Мостовой тоже»): their topic
/// is usually the parent's, so a comment with no sector words of its own takes the parent's sector.
/// </summary>
public sealed record ParentContext(string Sector, bool IsAppeal);
