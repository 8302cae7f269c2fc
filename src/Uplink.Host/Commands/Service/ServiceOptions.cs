using System.CommandLine;

namespace Uplink.Host.Commands.Service;

/// <summary>The options <c>service install</c> and <c>service uninstall</c> share.</summary>
internal static class ServiceOptions
{
    /// <summary><c>--config FILE</c>, with the service's own default.</summary>
    /// <returns>A new option.</returns>
    public static Option<string> Config() => new("--config")
    {
        Description = "The configuration file the service runs with; its folder is the data folder (default: /var/lib/uplink/uplink.json on Linux, %ProgramData%\\Uplink\\uplink.json on Windows).",
        HelpName = "FILE",
    };

    /// <summary><c>--systemd</c>.</summary>
    /// <param name="what">What it does, for the help.</param>
    /// <returns>A new option.</returns>
    public static Option<bool> Systemd(string what) => new("--systemd")
    {
        Description = $"Linux, as root: {what} (without it, the steps are printed). Ignored on Windows.",
    };
}
