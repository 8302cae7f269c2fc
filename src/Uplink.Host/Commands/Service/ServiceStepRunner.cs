using System.Diagnostics;

namespace Uplink.Host.Commands.Service;

/// <summary>Runs <see cref="ServiceStep"/>s one after the other, echoing each, and stops at the first that fails.</summary>
/// <param name="console">Where each step and its output go.</param>
/// <param name="verb">The verb, to prefix errors (<c>uplink service install</c>).</param>
internal sealed class ServiceStepRunner(ConsoleOutput console, string verb)
{
    /// <summary>Runs the steps.</summary>
    /// <param name="steps">The steps.</param>
    /// <param name="cancellationToken">Stops waiting for a step.</param>
    /// <returns>True when every step that must succeed did.</returns>
    public async Task<bool> RunAsync(IEnumerable<ServiceStep> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await console.Out.WriteLineAsync($"  {step}").ConfigureAwait(false);
            var (exitCode, output) = await RunAsync(step, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 && !step.MayFail)
            {
                await console.Error.WriteLineAsync($"{verb}: '{step.Program}' exited with {exitCode}: {output.Trim()}").ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs one program and waits for it.</summary>
    /// <param name="step">The program and its arguments.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Its exit code (127 when it cannot be started) and what it printed.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(ServiceStep step, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(step.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in step.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, $"cannot start it: {ex.Message}");
        }
    }
}
