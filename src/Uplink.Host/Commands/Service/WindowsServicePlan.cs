namespace Uplink.Host.Commands.Service;

/// <summary>
/// The <c>sc.exe</c> calls that register and remove the Windows Service. The service runs as its own virtual
/// account (<c>NT SERVICE\Uplink</c>), not LocalSystem, and only the data folder is granted to it. Not run
/// in CI (Linux): the argument lists are tested, the calls themselves are not.
/// </summary>
internal static class WindowsServicePlan
{
    /// <summary>The service's name, as <c>UplinkHostFactory</c> registers it with <c>AddWindowsService</c>.</summary>
    public const string ServiceName = "Uplink";

    /// <summary>The account the service runs as.</summary>
    public const string Account = @"NT SERVICE\" + ServiceName;

    /// <summary>The steps that register the service.</summary>
    /// <param name="executable">The full path of <c>uplink.exe</c>.</param>
    /// <param name="configFile">The configuration file the service runs with.</param>
    /// <param name="dataDirectory">The data folder (the configuration file's), which the service's account may change.</param>
    /// <returns>The steps, in order.</returns>
    public static IReadOnlyList<ServiceStep> Install(string executable, string configFile, string dataDirectory) =>
    [
        new("sc.exe", ["create", ServiceName, "binPath=", $"\"{executable}\" run --config \"{configFile}\"", "start=", "auto", "obj=", Account, "DisplayName=", "Uplink"]),
        new("sc.exe", ["description", ServiceName, "Anonymizes ultrasound exams and uploads them."]),

        // Restart after 5 s, twice, then after a minute; the count resets after a day without failure.
        new("sc.exe", ["failure", ServiceName, "reset=", "86400", "actions=", "restart/5000/restart/5000/restart/60000"]),
        new("icacls.exe", [dataDirectory, "/grant", $"{Account}:(OI)(CI)M"]),
    ];

    /// <summary>The steps that remove the service (the data folder stays).</summary>
    /// <returns>The steps, in order.</returns>
    public static IReadOnlyList<ServiceStep> Uninstall() =>
    [
        new("sc.exe", ["stop", ServiceName], MayFail: true),
        new("sc.exe", ["delete", ServiceName]),
    ];
}
