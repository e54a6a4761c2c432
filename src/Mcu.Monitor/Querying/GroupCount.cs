namespace Mcu.Monitor.Querying;

public sealed record GroupCount(string Key, long Count);
