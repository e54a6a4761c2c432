namespace Mcu.Monitor.Domain;

public enum Priority
{
    Normal,
    High,
    Critical,
}
