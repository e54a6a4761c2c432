using System.Text.Json;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary>
/// Runs a command body inside a validated host and turns every failure into one clear line on standard
/// error and a non-zero exit code: 2 for bad configuration or input, 1 for anything else.
/// </summary>
internal static class CommandExecution
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> ExecuteAsync(
        CliContext context, string? configFile, bool worker, Func<IHost, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            using var host = AppHost.Build(new AppHostSettings
            {
                ConfigFile = configFile,
                Worker = worker,
                WebConsole = worker,
                Overrides = context.Overrides,
                AlertOutput = context.Output,
            });
            AppHost.Prepare(host);
            return await body(host, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync("error: invalid configuration: " + string.Join("; ", ex.Failures.Distinct()));
            return BadInput;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections failed; a section that reads another's options repeats that one's failures.
            var failures = ex.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct();
            await context.Error.WriteLineAsync("error: invalid configuration: " + string.Join("; ", failures));
            return BadInput;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await context.Error.WriteLineAsync("error: invalid configuration: " + SecretMasking.MaskConversionError(ex.Message));
            return BadInput;
        }
        catch (InvalidDataException ex) when (ex.InnerException is JsonException or FormatException)
        {
            await context.Error.WriteLineAsync($"error: invalid configuration: {ex.Message} {ex.InnerException.Message}");
            return BadInput;
        }
        catch (IOException ex) when (ex.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal))
        {
            // Kestrel could not listen: another worker runs, or the port belongs to something else.
            await context.Error.WriteLineAsync($"error: the web console cannot start: {ex.Message} Is another worker running? Change WebConsole:Urls or set WebConsole:Enabled = false.");
            return BadInput;
        }
        catch (FileNotFoundException ex)
        {
            await context.Error.WriteLineAsync("error: " + ex.Message);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("stopped");
            return Failed;
        }
        catch (Exception ex)
        {
            Serilog.Log.Fatal(ex, "The command failed");
            await context.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
            return Failed;
        }
    }
}
