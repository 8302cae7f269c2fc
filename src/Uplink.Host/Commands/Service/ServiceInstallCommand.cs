using System.CommandLine;

namespace Uplink.Host.Commands.Service;

/// <summary>
/// <c>uplink service install [--config FILE] [--systemd]</c>. On Windows it registers the Windows Service with
/// <c>sc.exe</c> (automatic start, restart on failure, its own virtual account); untested in CI, which runs on
/// Linux. On Linux it prints the exact systemd steps, or with <c>--systemd</c>, as root, takes them: the
/// <c>uplink</c> account, the data folder, the unit (the shipped one with this binary's folders), enabled.
/// </summary>
/// <param name="console">Where the steps and errors go.</param>
internal sealed class ServiceInstallCommand(ConsoleOutput console) : ICommand
{
    private const string Verb = "uplink service install";

    private readonly Option<string> _config = ServiceOptions.Config();
    private readonly Option<bool> _systemd = ServiceOptions.Systemd("create the uplink account and the data folder, install the unit and enable it");

    /// <inheritdoc />
    public string Name => "service install";

    /// <inheritdoc />
    public string Summary => "Installs Uplink as a service: the Windows Service (sc.exe), or on Linux prints the systemd steps (--systemd, as root, takes them).";

    /// <inheritdoc />
    public string Failure => "a step failed (named with its output), not run as root or administrator, the unit file is missing, --systemd with the binary under /home or /root (hidden from the service), or the system is neither Windows nor Linux";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_config, _systemd];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var config = Path.GetFullPath(parsed.GetValue(_config) ?? ServicePaths.DefaultConfigFile);
        var runner = new ServiceStepRunner(console, Verb);
        if (OperatingSystem.IsWindows())
        {
            await console.Out.WriteLineAsync($"Registering the Windows Service '{WindowsServicePlan.ServiceName}' ({ServicePaths.Executable} run --config {config}):").ConfigureAwait(false);

            // The service's account is granted the data folder, which must exist for that (setup may come later).
            var data = Path.GetDirectoryName(config)!;
            Directory.CreateDirectory(data);
            if (!await runner.RunAsync(WindowsServicePlan.Install(ServicePaths.Executable, config, data), cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Failed;
            }

            await console.Out.WriteLineAsync($"Registered. Once '{ServicePaths.Executable} setup --config {config}' has written the configuration: sc.exe start {WindowsServicePlan.ServiceName}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (!OperatingSystem.IsLinux())
        {
            await console.Error.WriteLineAsync($"{Verb}: only Windows (Windows Service) and Linux (systemd) are supported").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (!File.Exists(SystemdPlan.ShippedUnit))
        {
            await console.Error.WriteLineAsync($"{Verb}: the systemd unit {SystemdPlan.ShippedUnit} is missing beside the binary").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var dataDirectory = Path.GetDirectoryName(config)!;
        var installDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        if (!parsed.GetValue(_systemd))
        {
            await PrintAsync(installDirectory, config).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (SystemdPlan.InstallDirectoryProblem(installDirectory) is { } problem)
        {
            await console.Error.WriteLineAsync($"{Verb}: {problem}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            await console.Error.WriteLineAsync($"{Verb}: --systemd creates an account and writes {SystemdPlan.UnitPath}: run it as root (sudo)").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync("Installing the systemd service:").ConfigureAwait(false);
        var (account, _) = await ServiceStepRunner.RunAsync(new ServiceStep("id", ["-u", SystemdPlan.Name]), cancellationToken).ConfigureAwait(false);
        if (!await runner.RunAsync(SystemdPlan.Prepare(dataDirectory, accountExists: account == 0), cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        var unit = SystemdPlan.Render(await File.ReadAllTextAsync(SystemdPlan.ShippedUnit, cancellationToken).ConfigureAwait(false), installDirectory, config);
        await console.Out.WriteLineAsync($"  (writes {SystemdPlan.UnitPath})").ConfigureAwait(false);
        await File.WriteAllTextAsync(SystemdPlan.UnitPath, unit, cancellationToken).ConfigureAwait(false);
        if (!await runner.RunAsync(SystemdPlan.Enable(), cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync("Installed and enabled. Then:").ConfigureAwait(false);
        await WriteNextStepsAsync(installDirectory, config).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task PrintAsync(string installDirectory, string config)
    {
        var o = console.Out;
        await o.WriteLineAsync("To run Uplink under systemd, as root:").ConfigureAwait(false);
        foreach (var step in SystemdPlan.Prepare(Path.GetDirectoryName(config)!, accountExists: false))
        {
            await o.WriteLineAsync($"  {step}").ConfigureAwait(false);
        }

        await o.WriteLineAsync($"  {SystemdPlan.InstallUnitLine(installDirectory, config)}").ConfigureAwait(false);
        foreach (var step in SystemdPlan.Enable())
        {
            await o.WriteLineAsync($"  {step}").ConfigureAwait(false);
        }

        await o.WriteLineAsync("Then:").ConfigureAwait(false);
        await WriteNextStepsAsync(installDirectory, config).ConfigureAwait(false);
        await o.WriteLineAsync("'uplink service install --systemd', run as root, takes the first steps itself.").ConfigureAwait(false);
        if (SystemdPlan.InstallDirectoryProblem(installDirectory) is { } problem)
        {
            await o.WriteLineAsync($"Note: {problem}.").ConfigureAwait(false);
        }
    }

    private async Task WriteNextStepsAsync(string installDirectory, string config)
    {
        await console.Out.WriteLineAsync($"  runuser -u {SystemdPlan.Name} -- {Path.Combine(installDirectory, "uplink")} setup --config {config} --expert-code CODE").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"  systemctl start {SystemdPlan.Name}").ConfigureAwait(false);
    }
}
