namespace Mcu.Monitor.Text;

/// <summary>A word of a text: its lower-cased surface form, its stem and where it starts.</summary>
public readonly record struct Token(string Surface, string Stem, int Start);
