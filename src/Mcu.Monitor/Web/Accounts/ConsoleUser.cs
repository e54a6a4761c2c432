namespace Mcu.Monitor.Web.Accounts;

/// <summary>A console account as stored (the password only as a hash).</summary>
public sealed record ConsoleUser(string Login, string DisplayName, ConsoleRole Role, bool Disabled, int FailedLogins, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);
