namespace Mcu.Monitor.Domain;

/// <summary>The social network or messenger a post was published on.</summary>
public enum Network
{
    Vk,
    Ok,
    Telegram,
}
