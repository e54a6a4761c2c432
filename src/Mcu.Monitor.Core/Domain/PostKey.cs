namespace Mcu.Monitor.Domain;

/// <summary>
/// The identity of a post or comment on its network: <c>network:owner:item</c>. Two reads of the same
/// item on the same network always give the same key, which is what deduplication relies on.
/// </summary>
public readonly record struct PostKey(Network Network, string Owner, string Item)
{
    public override string ToString() => $"{Network.ToKey()}:{Owner}:{Item}";

    public static bool TryParse(string? value, out PostKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Split(':');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0 || !NetworkNames.TryParse(parts[0], out var network))
        {
            return false;
        }

        key = new PostKey(network, parts[1], parts[2]);
        return true;
    }
}
