namespace Mcu.Monitor.Cli;

/// <summary>Where a command writes, and settings that win over configuration (tests use both).</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, IDictionary<string, string?>? Overrides = null)
{
    /// <summary>Where a command reads a password from; null: the terminal (without echo) or redirected standard input.</summary>
    public TextReader? Input { get; init; }
}
