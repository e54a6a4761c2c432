using Mcu.Monitor.Cli;
using Serilog;

// Program.cs only composes: a bootstrap logger until configuration is read, then the command line.
Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
    .CreateBootstrapLogger();
try
{
    return await MonitorCommandLine.RunAsync(args, new CliContext(Console.Out, Console.Error));
}
finally
{
    await Log.CloseAndFlushAsync();
}
