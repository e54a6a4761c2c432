using System.Globalization;

namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// The model's input space: named special features (lexicon signals, punctuation) first, then the word stems,
/// stem bigrams, character n-grams and emoji seen in the training texts. Index i of a feature vector is entry i
/// here, which is also how an explanation maps a weight back to the n-gram it belongs to. Saved as
/// <c>features.tsv</c> (kind, tab, text) beside the models. Immutable and thread-safe once built.
/// </summary>
public sealed class FeatureVocabulary
{
    public const char Word = 'w';
    public const char Bigram = 'b';
    public const char CharGram = 'c';
    public const char Emoji = 'e';
    public const char Special = 'x';

    // The entries by the 64-bit hash of kind and text, in an open-addressing table (linear probing, at most half
    // full): a lookup per n-gram occurrence is the featurizer's hottest path (Dictionary's lookup was ~9% of the samples
    // of a profile of the classification benchmark). _slots holds entry index + 1, 0 for an empty slot.
    private readonly ulong[] _hashes;
    private readonly int[] _slots;
    private readonly int _shift;

    public FeatureVocabulary(IReadOnlyList<(char Kind, string Text)> entries)
    {
        if (entries.Count > 1 << 28)
        {
            throw new InvalidDataException($"feature vocabulary: {entries.Count} entries, more than the 2^28 its table holds");
        }

        Kinds = new char[entries.Count];
        Texts = new string[entries.Count];
        var bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)entries.Count) + 1);
        _hashes = new ulong[1 << bits];
        _slots = new int[1 << bits];
        _shift = 64 - bits;
        for (var i = 0; i < entries.Count; i++)
        {
            Kinds[i] = entries[i].Kind;
            Texts[i] = entries[i].Text;
            var hash = FeatureHash.Of(entries[i].Kind, entries[i].Text);
            var slot = SlotOf(hash);
            while (_slots[slot] != 0)
            {
                if (_hashes[slot] == hash)
                {
                    throw new InvalidDataException($"feature vocabulary: duplicate entry {entries[i].Kind} '{entries[i].Text}' at line {i + 1}");
                }

                slot = (slot + 1) & (_slots.Length - 1);
            }

            _hashes[slot] = hash;
            _slots[slot] = i + 1;
        }
    }

    public int Count => Texts.Length;

    public char[] Kinds { get; }

    public string[] Texts { get; }

    public bool TryGet(ulong hash, out int index)
    {
        var slot = SlotOf(hash);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                index = -1;
                return false;
            }

            if (_hashes[slot] == hash)
            {
                index = entry - 1;
                return true;
            }

            slot = (slot + 1) & (_slots.Length - 1);
        }
    }

    public int IndexOf(char kind, string text) => TryGet(FeatureHash.Of(kind, text), out var i) ? i : -1;

    // Fibonacci hashing: the top bits of hash × 2⁶⁴/φ, so every bit of the hash picks the slot
    private int SlotOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>A fingerprint of the entries, so a model card can tell which vocabulary its weights index.</summary>
    public string Fingerprint()
    {
        var hash = FeatureHash.Start('v');
        for (var i = 0; i < Count; i++)
        {
            hash = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(hash, Kinds[i]), Texts[i]), '\n');
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    public void Save(TextWriter writer)
    {
        for (var i = 0; i < Count; i++)
        {
            writer.Write(Kinds[i]);
            writer.Write('\t');
            writer.Write(Texts[i]);
            writer.Write('\n');
        }
    }

    public static FeatureVocabulary Load(TextReader reader, string pathForErrors)
    {
        var entries = new List<(char, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length < 2 || line[1] != '\t' || line[0] is not (Word or Bigram or CharGram or Emoji or Special))
            {
                throw new InvalidDataException($"{pathForErrors}:{lineNumber}: not a feature line (kind, tab, text)");
            }

            entries.Add((line[0], line[2..]));
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{pathForErrors}: no features");
        }

        return new FeatureVocabulary(entries);
    }

    /// <summary>
    /// Builds the vocabulary from training texts: the special features, then every n-gram found in at least
    /// <see cref="FeaturizerSettings.MinDocumentFrequency"/> texts (at most <see cref="FeaturizerSettings.MaxFeatures"/>,
    /// the most frequent), in ordinal order so the same texts always give the same indexes.
    /// </summary>
    public static FeatureVocabulary Build(IEnumerable<string> texts, TextFeaturizer featurizer)
    {
        var documentFrequency = new Dictionary<(char, string), int>();
        var sink = new CollectingSink { Seen = [] };
        foreach (var text in texts)
        {
            sink.Seen.Clear();
            featurizer.EnumerateNGrams(text, ref sink);
            foreach (var key in sink.Seen)
            {
                documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
            }
        }

        var settings = featurizer.Settings;
        var kept = documentFrequency
            .Where(p => p.Value >= settings.MinDocumentFrequency)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key.Item1)
            .ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Take(settings.MaxFeatures)
            .Select(p => p.Key)
            .OrderBy(k => k.Item1)
            .ThenBy(k => k.Item2, StringComparer.Ordinal);

        var entries = new List<(char, string)>();
        entries.AddRange(featurizer.SpecialNames.Select(n => (Special, n)));
        entries.AddRange(kept);
        return new FeatureVocabulary(entries);
    }

    /// <summary>Human-readable form of a feature for explanations: «stem», «stem stem», «…gram…».</summary>
    public string Display(int index)
    {
        var text = Texts[index];
        return Kinds[index] switch
        {
            CharGram => "…" + text.Trim('<', '>') + "…",
            _ => text,
        };
    }

    private struct CollectingSink : TextFeaturizer.IFeatureSink
    {
        public HashSet<(char, string)> Seen;

        public readonly void Add(char kind, ulong hash, ReadOnlySpan<char> text) => Seen.Add((kind, new string(text)));
    }
}
