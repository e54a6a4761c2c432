namespace Mcu.Monitor.Web.Accounts;

/// <summary>
/// A console account as stored (the password only as a hash). Its security stamp changes with the password, the role,
/// disabling and logging out; a session carrying an older stamp has ended.
/// </summary>
public sealed record ConsoleUser(string Login, string DisplayName, ConsoleRole Role, bool Disabled, int FailedLogins, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, string SecurityStamp);
