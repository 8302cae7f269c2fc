using System.CommandLine;

namespace Uplink.Host.Commands.Service;

/// <summary>
/// <c>uplink service uninstall [--systemd]</c>: stops and removes the Windows Service (<c>sc.exe</c>; untested in
/// CI), or on Linux prints the systemd steps, or with <c>--systemd</c>, as root, takes them. The data folder
/// (queue, secrets, logs) and the account stay: an upgrade or a reinstall finds them.
/// </summary>
/// <param name="console">Where the steps and errors go.</param>
internal sealed class ServiceUninstallCommand(ConsoleOutput console) : ICommand
{
    private const string Verb = "uplink service uninstall";

    private readonly Option<bool> _systemd = ServiceOptions.Systemd("stop and disable the unit and remove it");

    /// <inheritdoc />
    public string Name => "service uninstall";

    /// <inheritdoc />
    public string Summary => "Removes the service (Windows Service, or on Linux prints the systemd steps; --systemd, as root, takes them); the data folder stays.";

    /// <inheritdoc />
    public string Failure => "a step failed (named with its output), not run as root or administrator, or the system is neither Windows nor Linux";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_systemd];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var runner = new ServiceStepRunner(console, Verb);
        if (OperatingSystem.IsWindows())
        {
            await console.Out.WriteLineAsync($"Removing the Windows Service '{WindowsServicePlan.ServiceName}':").ConfigureAwait(false);
            return await runner.RunAsync(WindowsServicePlan.Uninstall(), cancellationToken).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failed;
        }

        if (!OperatingSystem.IsLinux())
        {
            await console.Error.WriteLineAsync($"{Verb}: only Windows (Windows Service) and Linux (systemd) are supported").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (!parsed.GetValue(_systemd))
        {
            await console.Out.WriteLineAsync("To remove the systemd service, as root (the data folder and the uplink account stay):").ConfigureAwait(false);
            foreach (var step in SystemdPlan.Disable())
            {
                await console.Out.WriteLineAsync($"  {step}").ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"  rm {SystemdPlan.UnitPath}").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"  {SystemdPlan.Reload()}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            await console.Error.WriteLineAsync($"{Verb}: --systemd removes {SystemdPlan.UnitPath}: run it as root (sudo)").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync("Removing the systemd service:").ConfigureAwait(false);
        if (!await runner.RunAsync(SystemdPlan.Disable(), cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync($"  (removes {SystemdPlan.UnitPath})").ConfigureAwait(false);
        File.Delete(SystemdPlan.UnitPath);
        return await runner.RunAsync([SystemdPlan.Reload()], cancellationToken).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failed;
    }
}
