using Mcu.Monitor.Cli;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>Runs the command line in-process against a temporary database and log folder.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly TempDirectory _directory = new();

    public CliRunner()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _directory.File("monitor.db"),
            ["Serilog:WriteTo:1:Args:path"] = _directory.File("logs/monitor-.log"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // `run` serves the web console: on a free port, so tests never collide with each other or a real worker
            ["WebConsole:Urls"] = "http://127.0.0.1:0",
        };
    }

    public Dictionary<string, string?> Settings { get; }

    public string DatabasePath => Settings["Storage:DatabasePath"]!;

    public string File(string name) => _directory.File(name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MonitorCommandLine.RunAsync(args, new CliContext(output, error, Settings));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error);
