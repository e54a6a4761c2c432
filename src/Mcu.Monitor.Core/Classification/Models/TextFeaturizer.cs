using Mcu.Monitor.Text;

namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// Turns a text into the sparse vector the models were trained on: Snowball stems of the words (numbers
/// collapsed to «0»), stem bigrams, character n-grams inside words, emoji, and named special features — the
/// lexicon's sector scores and signal counts (so the model learns how far to trust the configured terms),
/// the tone lexicon, questions, exclamations, capitals and smileys. Training and inference run this same
/// code, once per text for all models. Thread-safe.
/// </summary>
public sealed class TextFeaturizer
{
    private const int MaxCharGramWord = 40;

    private static readonly (LexiconClassifier.SignalKind Kind, string Name)[] SignalFeatures =
    [
        (LexiconClassifier.SignalKind.AppealCue, "lex:appeal_cue"),
        (LexiconClassifier.SignalKind.NonAppealCue, "lex:non_appeal"),
        (LexiconClassifier.SignalKind.Negative, "lex:negative"),
        (LexiconClassifier.SignalKind.Escalation, "lex:escalation"),
        (LexiconClassifier.SignalKind.Profanity, "lex:profanity"),
        (LexiconClassifier.SignalKind.Sensitive, "lex:sensitive"),
        (LexiconClassifier.SignalKind.Severe, "lex:severe"),
        (LexiconClassifier.SignalKind.ProblemMarker, "lex:problem"),
        (LexiconClassifier.SignalKind.ToneNegative, "lex:tone_negative"),
        (LexiconClassifier.SignalKind.TonePositive, "lex:tone_positive"),
    ];

    private static readonly string[] TextFeatures =
        ["txt:question", "txt:exclaim", "txt:exclaim_many", "txt:caps", "txt:smile", "txt:sad", "txt:short", "txt:long"];

    private static readonly string[] SentimentFeatures =
        ["senti:negative", "senti:positive", "senti:negative_only", "senti:positive_only"];

    private static readonly string[] ToneFeatures =
        ["tone:negative", "tone:positive", "tone:negative_only", "tone:positive_only"];

    // per-thread scratch, all zero between calls: occurrences of each vocabulary entry in the text being featurised,
    // and a bit per entry that occurred, read in index order (a sort of the occurrences was ~10% of the samples of a
    // profile of the classification benchmark)
    [ThreadStatic]
    private static int[]? _counts;

    [ThreadStatic]
    private static ulong[]? _seen;

    [ThreadStatic]
    private static List<int>? _indices;

    [ThreadStatic]
    private static List<float>? _values;

    private readonly string[] _sectors;
    private readonly int _firstLexiconSum; // the sums of the two tone lexicons are the last special features
    private FeatureVocabulary? _vocabulary;

    public TextFeaturizer(LexiconClassifier lexicon, FeaturizerSettings settings)
    {
        Lexicon = lexicon;
        Settings = settings;
        _sectors = [.. lexicon.SectorOrder.Where(s => s != Domain.Sectors.Other)];
        SpecialNames = [
            .. _sectors.Select(s => "lex:sector:" + s),
            .. SignalFeatures.Select(f => f.Name),
            .. TextFeatures,
            .. settings.SentimentLexicon ? SentimentFeatures : [],
            .. settings.ToneLexicon ? ToneFeatures : [],
        ];
        _firstLexiconSum = SpecialNames.Count - (settings.SentimentLexicon ? SentimentFeatures.Length : 0) - (settings.ToneLexicon ? ToneFeatures.Length : 0);
    }

    public LexiconClassifier Lexicon { get; }

    public FeaturizerSettings Settings { get; }

    /// <summary>Names of the special features, the first entries of every vocabulary built with this featurizer.</summary>
    public IReadOnlyList<string> SpecialNames { get; }

    /// <summary>Drops the sums of the tone lexicons from a vector (for a model that should not learn from them).</summary>
    public FeatureVector WithoutLexiconSums(FeatureVector vector)
    {
        var first = _firstLexiconSum;
        if (first == SpecialNames.Count)
        {
            return vector;
        }

        var keep = Enumerable.Range(0, vector.Count).Where(k => vector.Indices[k] < first || vector.Indices[k] >= SpecialNames.Count).ToArray();
        return keep.Length == vector.Count ? vector : new FeatureVector([.. keep.Select(k => vector.Indices[k])], [.. keep.Select(k => vector.Values[k])]);
    }

    public FeatureVocabulary Vocabulary => _vocabulary ?? throw new InvalidOperationException("no vocabulary: build or load one first");

    /// <summary>Sets the vocabulary once; it must start with this featurizer's special features, in order.</summary>
    public void UseVocabulary(FeatureVocabulary vocabulary)
    {
        for (var i = 0; i < SpecialNames.Count; i++)
        {
            if (i >= vocabulary.Count || vocabulary.Kinds[i] != FeatureVocabulary.Special || vocabulary.Texts[i] != SpecialNames[i])
            {
                throw new InvalidDataException(
                    $"the feature vocabulary does not match the configured lexicon (expected special feature '{SpecialNames[i]}' at line {i + 1}); retrain the models with `model train`");
            }
        }

        _vocabulary = vocabulary;
    }

    public FeatureVector Featurize(string text) => Featurize(text, Lexicon.Analyse(text));

    internal FeatureVector Featurize(string text, LexiconClassifier.LexiconAnalysis analysis)
    {
        var vocabulary = Vocabulary;
        // per-thread scratch: featurising allocates only the result
        var indices = _indices ??= new List<int>(1024);
        var values = _values ??= new List<float>(1024);
        indices.Clear();
        values.Clear();
        var special = Specials(text, analysis);
        foreach (var (index, value) in special)
        {
            indices.Add(index);
            values.Add(value);
        }

        var counts = _counts;
        var seen = _seen;
        if (counts is null || seen is null || counts.Length < vocabulary.Count)
        {
            counts = new int[vocabulary.Count];
            seen = new ulong[(vocabulary.Count + 63) / 64];
            (_counts, _seen) = (counts, seen);
        }

        // distinct n-grams in index order with 1 + ln(count), then each group (words, characters, emoji) scaled to
        // unit length; the scratch is zeroed again on the way (and dropped if anything fails half-way, so it is never
        // left dirty for the thread's next text)
        Span<double> norms = stackalloc double[3];
        var firstNGram = indices.Count;
        try
        {
            var sink = new LookupSink { Vocabulary = vocabulary, Counts = counts, Seen = seen, FirstWord = int.MaxValue, LastWord = -1 };
            EnumerateNGrams(text, analysis.Tokens, ref sink);
            for (var w = sink.FirstWord; w <= sink.LastWord; w++)
            {
                var bits = seen[w];
                seen[w] = 0;
                while (bits != 0)
                {
                    var index = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var value = (float)(1 + Math.Log(counts[index]));
                    counts[index] = 0;
                    indices.Add(index);
                    values.Add(value);
                    norms[Group(vocabulary.Kinds[index])] += value * value;
                }
            }
        }
        catch
        {
            (_counts, _seen) = (null, null);
            throw;
        }

        for (var g = 0; g < norms.Length; g++)
        {
            norms[g] = norms[g] > 0 ? 1 / Math.Sqrt(norms[g]) : 0;
        }

        for (var k = firstNGram; k < indices.Count; k++)
        {
            values[k] = (float)(values[k] * norms[Group(vocabulary.Kinds[indices[k]])]);
        }

        return new FeatureVector([.. indices], [.. values]);
    }

    internal void EnumerateNGrams<TSink>(string text, ref TSink sink) where TSink : struct, IFeatureSink =>
        EnumerateNGrams(text, Lexicon.Analyse(text).Tokens, ref sink);

    internal void EnumerateNGrams<TSink>(string text, List<Token> tokens, ref TSink sink) where TSink : struct, IFeatureSink
    {
        Span<char> buffer = stackalloc char[MaxCharGramWord + 2];
        string? previous = null;
        foreach (var token in tokens)
        {
            var stem = IsNumber(token.Surface) ? "0" : token.Stem;
            sink.Add(FeatureVocabulary.Word, FeatureHash.Of(FeatureVocabulary.Word, stem), stem);
            if (Settings.WordBigrams && previous is not null && previous.Length + stem.Length < MaxCharGramWord)
            {
                var pair = buffer[..(previous.Length + 1 + stem.Length)];
                previous.AsSpan().CopyTo(pair);
                pair[previous.Length] = ' ';
                stem.AsSpan().CopyTo(pair[(previous.Length + 1)..]);
                sink.Add(FeatureVocabulary.Bigram, FeatureHash.Of(FeatureVocabulary.Bigram, pair), pair);
            }

            previous = stem;
            var surface = stem == "0" ? "0" : token.Surface;
            if (Settings.CharGramMin > 0 && surface.Length <= MaxCharGramWord)
            {
                var padded = buffer[..(surface.Length + 2)];
                padded[0] = '<';
                surface.AsSpan().CopyTo(padded[1..]);
                padded[^1] = '>';
                for (var n = Settings.CharGramMin; n <= Settings.CharGramMax && n <= padded.Length; n++)
                {
                    for (var start = 0; start + n <= padded.Length; start++)
                    {
                        var gram = padded.Slice(start, n);
                        sink.Add(FeatureVocabulary.CharGram, FeatureHash.Of(FeatureVocabulary.CharGram, gram), gram);
                    }
                }
            }
        }

        // emoji and other pictographs: strong tone signals that the word tokenizer drops
        var length = Math.Min(text.Length, Tokenizer.MaxMatchedChars);
        for (var i = 0; i < length; i++)
        {
            var width = Tokenizer.EmojiWidth(text, i, length);
            if (width > 0)
            {
                var emoji = text.AsSpan(i, width);
                sink.Add(FeatureVocabulary.Emoji, FeatureHash.Of(FeatureVocabulary.Emoji, emoji), emoji);
                i += width - 1;
            }
        }
    }

    private List<(int Index, float Value)> Specials(string text, LexiconClassifier.LexiconAnalysis analysis)
    {
        var result = new List<(int, float)>(8);
        var index = 0;
        if (analysis.Hits.Count > 0)
        {
            var scores = LexiconClassifier.SectorScores(analysis.Hits);
            foreach (var sector in _sectors)
            {
                if (scores.TryGetValue(sector, out var score))
                {
                    result.Add((index, Math.Min(score.Score, 6) / 3f));
                }

                index++;
            }

            foreach (var (kind, _) in SignalFeatures)
            {
                var count = 0;
                foreach (var hit in analysis.Hits)
                {
                    if (hit.Tag.Kind == kind)
                    {
                        count++;
                    }
                }

                if (count > 0)
                {
                    result.Add((index, Math.Min(count, 3) * 0.5f));
                }

                index++;
            }
        }
        else
        {
            index += _sectors.Length + SignalFeatures.Length;
        }

        var scan = text.AsSpan(0, Math.Min(text.Length, Tokenizer.MaxMatchedChars));
        int letters = 0, upper = 0, exclaims = 0, opens = 0, closes = 0;
        var question = false;
        var sad = false;
        var smile = false;
        for (var i = 0; i < scan.Length; i++)
        {
            var c = scan[i];
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
            else if (c == '?')
            {
                question = true;
            }
            else if (c == '!')
            {
                exclaims++;
            }
            else if (c == '(')
            {
                opens++;
                sad |= i > 0 && scan[i - 1] is '(' or ':';
            }
            else if (c == ')')
            {
                closes++;
                smile |= i > 0 && scan[i - 1] is ')' or ':';
            }
        }

        var flags = new[]
        {
            question, exclaims > 0, exclaims > 1, letters >= 20 && upper > letters * 0.6, smile || closes > opens + 1,
            sad || opens > closes + 1, analysis.Tokens.Count < 6, analysis.Tokens.Count > 60,
        };
        foreach (var on in flags)
        {
            if (on)
            {
                result.Add((index, 1f));
            }

            index++;
        }

        // a word scored at the scale's end (±5 in the general lexicon, ±3 in the team's) counts 1
        if (Settings.SentimentLexicon)
        {
            AddSums(result, ref index, SentimentLexicon.Tally(analysis.Tokens), 5);
        }

        if (Settings.ToneLexicon)
        {
            AddSums(result, ref index, ToneLexicon.Tally(analysis.Tokens, text), 3);
        }

        return result;
    }

    /// <summary>A tone lexicon's four features: its negative and positive sums (capped, so that a long rant does not
    /// outweigh everything else) and whether only one side occurs.</summary>
    private static void AddSums(List<(int, float)> result, ref int index, SentimentTally tally, float scale)
    {
        (bool On, float Value)[] sums =
        [
            (tally.Negative > 0, Math.Min(tally.Negative / scale, 3)),
            (tally.Positive > 0, Math.Min(tally.Positive / scale, 3)),
            (tally.NegativeWords > 0 && tally.PositiveWords == 0, 1),
            (tally.PositiveWords > 0 && tally.NegativeWords == 0, 1),
        ];
        foreach (var (on, value) in sums)
        {
            if (on)
            {
                result.Add((index, value));
            }

            index++;
        }
    }

    private static int Group(char kind) => kind switch
    {
        FeatureVocabulary.CharGram => 1,
        FeatureVocabulary.Emoji => 2,
        _ => 0,
    };

    private static bool IsNumber(string surface)
    {
        foreach (var c in surface)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return surface.Length > 0;
    }

    /// <summary>Receives each n-gram occurrence: its kind, hash and characters (valid only during the call).</summary>
    internal interface IFeatureSink
    {
        void Add(char kind, ulong hash, ReadOnlySpan<char> text);
    }

    private struct LookupSink : IFeatureSink
    {
        public FeatureVocabulary Vocabulary;
        public int[] Counts;
        public ulong[] Seen;
        public int FirstWord; // the range of Seen's words with a bit set
        public int LastWord;

        public void Add(char kind, ulong hash, ReadOnlySpan<char> text)
        {
            if (Vocabulary.TryGet(hash, out var index) && Counts[index]++ == 0)
            {
                var word = index >> 6;
                Seen[word] |= 1UL << (index & 63);
                FirstWord = Math.Min(FirstWord, word);
                LastWord = Math.Max(LastWord, word);
            }
        }
    }
}
