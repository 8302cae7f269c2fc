namespace Uplink.Host.Commands.Service;

/// <summary>Where the service's binary is and where its configuration goes unless <c>--config</c> says otherwise.</summary>
internal static class ServicePaths
{
    /// <summary>The running <c>uplink</c> executable (not <c>dotnet</c> when started as <c>dotnet uplink.dll</c>).</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "uplink.exe" : "uplink");

    /// <summary>
    /// The service's configuration file: <c>/var/lib/uplink/uplink.json</c> on Linux (the unit's
    /// <c>StateDirectory</c>), <c>%ProgramData%\Uplink\uplink.json</c> on Windows; never the current folder,
    /// which a service does not have.
    /// </summary>
    public static string DefaultConfigFile => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Uplink", "uplink.json")
        : Path.Combine(SystemdPlan.DefaultDataDirectory, "uplink.json");
}
