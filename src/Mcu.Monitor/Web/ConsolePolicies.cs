using System.Security.Claims;
using Mcu.Monitor.Web.Accounts;

namespace Mcu.Monitor.Web;

/// <summary>Who may do what in the console: every page and API route names one of these policies.</summary>
public static class ConsolePolicies
{
    /// <summary>Any signed-in account: read every page and API route.</summary>
    public const string Read = "console.read";

    /// <summary>The officer: triage, corrections, every incident move.</summary>
    public const string Change = "console.change";

    /// <summary>The officer or the head: accept (close) or return (reopen) an answered incident.</summary>
    public const string Accept = "console.accept";

    public const string DisplayNameClaim = "mcu:display_name";

    /// <summary>The actor recorded in incident events and the audit log: <c>officer:login</c>, as the command line writes it.</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        var role = Enum.TryParse<ConsoleRole>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : ConsoleRole.ReadOnly;
        var prefix = role switch
        {
            ConsoleRole.Officer => "officer",
            ConsoleRole.Head => "head",
            _ => "reader",
        };
        return $"{prefix}:{user.Identity?.Name}";
    }
}
