using System.Collections.Concurrent;
using SnowballRussian = Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer;

namespace Mcu.Monitor.Text;

/// <summary>
/// Snowball Russian stemming (Lucene.Net.Analysis.Common) with a bounded cache: a town's posts reuse a
/// small vocabulary, so most words are stemmed once. Thread-safe: the Snowball object is per thread.
/// </summary>
public static class RussianStemmer
{
    private const int MaxCachedWords = 200_000;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static SnowballRussian? _stemmer;

    /// <summary>Stems a lower-case word. Words without Cyrillic letters are returned as they are.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3 || !HasCyrillic(word))
        {
            return word;
        }

        if (Cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stemmer = _stemmer ??= new SnowballRussian();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (Cache.Count < MaxCachedWords)
        {
            Cache.TryAdd(word, stem);
        }

        return stem;
    }

    private static bool HasCyrillic(string word)
    {
        foreach (var c in word)
        {
            if (c is >= 'а' and <= 'я')
            {
                return true;
            }
        }

        return false;
    }
}
