namespace Mcu.Monitor.Answers;

/// <summary>A configured phrase found at token <see cref="Start"/>, <see cref="Length"/> tokens long.</summary>
internal readonly record struct PhraseMatch(string Phrase, int Start, int Length);
