namespace Mcu.Monitor.Domain;

/// <summary>Short lower-case names of networks as written in keys, feeds and configuration.</summary>
public static class NetworkNames
{
    public static string ToKey(this Network network) => network switch
    {
        Network.Vk => "vk",
        Network.Ok => "ok",
        Network.Telegram => "telegram",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown network."),
    };

    public static bool TryParse(string? value, out Network network)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "VK": network = Network.Vk; return true;
            case "OK": network = Network.Ok; return true;
            case "TELEGRAM" or "TG": network = Network.Telegram; return true;
            default: network = default; return false;
        }
    }
}
