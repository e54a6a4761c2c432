namespace Mcu.Monitor.Incidents;

/// <summary>A text as <see cref="MergeDecision"/> reads it, so each text is read once per decision.</summary>
/// <param name="Words">Content stems, generic words left out, synonyms as the first word of their group.</param>
/// <param name="Places">Stems of the places it names (streets, villages), markers such as «ул» left out.</param>
/// <param name="Numbers">Numbers of the objects it names: «Гагарина 5», «дом 5», «школа №3», «маршрут 1».</param>
public sealed record TextProfile(IReadOnlySet<string> Words, IReadOnlySet<string> Places, IReadOnlySet<string> Numbers);
