namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// 64-bit FNV-1a over a feature's kind and characters. The vocabulary is looked up by this hash, so a text is
/// featurised without building a string per n-gram; a collision between two of ~10^5 features is ~10^-10 likely.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(char kind) => Add(Offset, kind);

    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Of(char kind, ReadOnlySpan<char> text) => Add(Start(kind), text);
}
