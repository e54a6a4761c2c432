namespace Mcu.Monitor.Hosting;

/// <summary>How to build the host for one command.</summary>
public sealed record AppHostSettings
{
    /// <summary>An extra JSON settings file (<c>--config</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Adds the Quartz source jobs and the alert dispatcher (the <c>run</c> command).</summary>
    public bool Worker { get; init; }

    /// <summary>Also serves the web console (<c>run</c>), unless <c>WebConsole:Enabled</c> is false.</summary>
    public bool WebConsole { get; init; }

    /// <summary>Settings that win over every file and variable (tests).</summary>
    public IDictionary<string, string?>? Overrides { get; init; }

    /// <summary>Where console alerts are written; standard output by default.</summary>
    public TextWriter? AlertOutput { get; init; }
}
