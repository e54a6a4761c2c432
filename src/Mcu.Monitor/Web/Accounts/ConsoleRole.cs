namespace Mcu.Monitor.Web.Accounts;

/// <summary>What a console account may do.</summary>
public enum ConsoleRole
{
    /// <summary>Reads every page; changes nothing.</summary>
    ReadOnly,

    /// <summary>The head of administration or his deputy: reads everything, accepts (closes) or returns (reopens) answered incidents.</summary>
    Head,

    /// <summary>The МЦУ incident officer: triage, corrections and every incident move.</summary>
    Officer,
}
