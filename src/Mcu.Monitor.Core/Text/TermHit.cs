namespace Mcu.Monitor.Text;

/// <summary>A configured term found in a text: the term as configured, its tag and the word that matched.</summary>
public sealed record TermHit<TTag>(string Term, TTag Tag, string MatchedWord);
