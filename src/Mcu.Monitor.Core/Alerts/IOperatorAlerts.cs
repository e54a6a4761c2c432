namespace Mcu.Monitor.Alerts;

/// <summary>
/// Tells the МЦУ's operators about a problem of the system itself (a revoked token, a source that no longer
/// exists), as opposed to an alert about an incident. Messages never contain secrets or post texts.
/// </summary>
public interface IOperatorAlerts
{
    /// <summary>Raises an alert; the same <paramref name="key"/> is raised at most once per quiet period.</summary>
    void Raise(string key, string message);
}
