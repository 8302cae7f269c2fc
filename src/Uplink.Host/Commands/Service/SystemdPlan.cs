namespace Uplink.Host.Commands.Service;

/// <summary>
/// The steps that install Uplink as a systemd service from the unit shipped beside the binary
/// (<c>uplink.service</c>, from <c>deploy/linux/</c>), which names <see cref="DefaultInstallDirectory"/> and
/// <see cref="DefaultDataDirectory"/>; other folders are written into the installed copy. Order matters: the
/// data folder first shares its prefix with the configuration file, so the file is replaced before the folder.
/// </summary>
internal static class SystemdPlan
{
    /// <summary>The service's and its account's name.</summary>
    public const string Name = "uplink";

    /// <summary>Where the shipped unit expects the binary.</summary>
    public const string DefaultInstallDirectory = "/opt/uplink";

    /// <summary>Where the shipped unit keeps the data (its <c>StateDirectory</c>).</summary>
    public const string DefaultDataDirectory = "/var/lib/uplink";

    /// <summary>Where the unit is installed.</summary>
    public const string UnitPath = "/etc/systemd/system/uplink.service";

    /// <summary>The unit file shipped beside the running binary.</summary>
    public static string ShippedUnit => Path.Combine(AppContext.BaseDirectory, "uplink.service");

    /// <summary>What changes from the shipped unit: each folder (and the configuration file) that differs.</summary>
    /// <param name="installDirectory">The folder holding <c>uplink</c>.</param>
    /// <param name="configFile">The configuration file; its folder is the data folder.</param>
    /// <returns>Pairs of shipped text and replacement, in the order to apply them; empty for the shipped layout.</returns>
    public static IReadOnlyList<(string From, string To)> Substitutions(string installDirectory, string configFile)
    {
        var pairs = new List<(string From, string To)>();
        var shippedConfig = DefaultDataDirectory + "/uplink.json";
        var dataDirectory = Path.GetDirectoryName(configFile)!;
        Add(pairs, shippedConfig, configFile);
        Add(pairs, DefaultDataDirectory, dataDirectory);
        Add(pairs, DefaultInstallDirectory + "/", installDirectory.TrimEnd('/') + "/");
        return pairs;

        static void Add(List<(string From, string To)> pairs, string from, string to)
        {
            if (from != to)
            {
                pairs.Add((from, to));
            }
        }
    }

    /// <summary>The unit for a binary and configuration: the shipped text with the <see cref="Substitutions"/> applied.</summary>
    /// <param name="unit">The shipped unit's text.</param>
    /// <param name="installDirectory">The folder holding <c>uplink</c>.</param>
    /// <param name="configFile">The configuration file; its folder is the data folder.</param>
    /// <returns>The unit's text.</returns>
    public static string Render(string unit, string installDirectory, string configFile) =>
        Substitutions(installDirectory, configFile).Aggregate(unit, (text, pair) => text.Replace(pair.From, pair.To, StringComparison.Ordinal));

    /// <summary>The shell line that installs the shipped unit, rewritten with <c>sed</c> when the layout differs.</summary>
    /// <param name="installDirectory">The folder holding <c>uplink</c> and <c>uplink.service</c>.</param>
    /// <param name="configFile">The configuration file.</param>
    /// <returns>The line.</returns>
    public static string InstallUnitLine(string installDirectory, string configFile)
    {
        var shipped = Path.Combine(installDirectory, "uplink.service");
        var pairs = Substitutions(installDirectory, configFile);
        return pairs.Count == 0
            ? $"install -m 0644 {shipped} {UnitPath}"
            : $"sed {string.Join(' ', pairs.Select(p => $"-e 's#{p.From}#{p.To}#g'"))} {shipped} > {UnitPath}";
    }

    /// <summary>Why the unit could not run the binary from its folder, if it could not.</summary>
    /// <param name="installDirectory">The folder holding <c>uplink</c>.</param>
    /// <returns>The problem, or null.</returns>
    public static string? InstallDirectoryProblem(string installDirectory) =>
        new[] { "/home/", "/root/", "/run/user/" }.Any(p => (installDirectory.TrimEnd('/') + "/").StartsWith(p, StringComparison.Ordinal))
            ? $"the unit's ProtectHome=true hides {installDirectory} from the service: copy the publish folder to {DefaultInstallDirectory} and run it from there"
            : null;

    /// <summary>The steps before the unit is written: the account and the data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="accountExists">Whether the <c>uplink</c> account exists already.</param>
    /// <returns>The steps, in order.</returns>
    public static IReadOnlyList<ServiceStep> Prepare(string dataDirectory, bool accountExists) =>
    [
        .. accountExists ? Array.Empty<ServiceStep>() : [new ServiceStep("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", dataDirectory, "--shell", "/usr/sbin/nologin", Name])],
        new("install", ["-d", "-o", Name, "-g", Name, "-m", "0700", dataDirectory]),
    ];

    /// <summary>The steps after the unit is written.</summary>
    /// <returns>The steps, in order.</returns>
    public static IReadOnlyList<ServiceStep> Enable() =>
    [
        new("systemctl", ["daemon-reload"]),
        new("systemctl", ["enable", Name]),
    ];

    /// <summary>The steps that remove the service (the data folder and the account stay).</summary>
    /// <returns>The steps, in order; the unit file is removed between the first and the last.</returns>
    public static IReadOnlyList<ServiceStep> Disable() =>
    [
        new("systemctl", ["disable", "--now", Name], MayFail: true),
    ];

    /// <summary>The step after the unit file is removed.</summary>
    /// <returns>The step.</returns>
    public static ServiceStep Reload() => new("systemctl", ["daemon-reload"]);
}
