using System.Diagnostics;
using Uplink.Host.Commands.Service;

namespace Uplink.Host.Tests.Commands.Service;

/// <summary>
/// <c>deploy/linux/uplink.service</c>, as shipped and as <c>uplink service install</c> rewrites it for other
/// folders, is accepted by <c>systemd-analyze verify</c> with no warning, and keeps its hardening.
/// </summary>
public sealed class SystemdUnitTests
{
    private static string UnitFile => Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "deploy", "linux", "uplink.service");

    [Fact]
    public async Task The_shipped_unit_passes_systemd_analyze_verify()
    {
        var (exitCode, output) = await VerifyAsync(await File.ReadAllTextAsync(UnitFile, TestContext.Current.CancellationToken), SystemdPlan.DefaultInstallDirectory);

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited with {exitCode}: {output}");
    }

    [Fact]
    public async Task The_unit_rewritten_for_other_folders_passes_systemd_analyze_verify()
    {
        var unit = SystemdPlan.Render(await File.ReadAllTextAsync(UnitFile, TestContext.Current.CancellationToken), "/srv/uplink-2", "/data/uplink/site.json");

        var (exitCode, output) = await VerifyAsync(unit, "/srv/uplink-2");

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited with {exitCode}: {output}");
        Assert.Contains("ExecStart=/srv/uplink-2/uplink run --config /data/uplink/site.json", unit, StringComparison.Ordinal);
        Assert.Contains("ReadWritePaths=/data/uplink\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_reports_a_directive_systemd_does_not_accept()
    {
        var unit = (await File.ReadAllTextAsync(UnitFile, TestContext.Current.CancellationToken)).Replace("ProtectSystem=strict", "ProtectSystem=very", StringComparison.Ordinal);

        var (_, output) = await VerifyAsync(unit, SystemdPlan.DefaultInstallDirectory);

        Assert.Contains("protect system value", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_is_hardened_and_runs_as_its_own_account_with_systemd_notify()
    {
        var lines = File.ReadAllLines(UnitFile).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        string[] expected =
        [
            "Type=notify", "User=uplink", "ProtectSystem=strict", "ProtectHome=true", "PrivateTmp=true", "NoNewPrivileges=true",
            "ReadWritePaths=/var/lib/uplink", "CapabilityBoundingSet=", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
            "SystemCallFilter=@system-service", "ExecStart=/opt/uplink/uplink run --config /var/lib/uplink/uplink.json",
        ];
        Assert.All(expected, e => Assert.Contains(e, lines));
    }

    // verify checks that ExecStart's program exists, and resolves the targets the unit names: so it runs in a
    // root holding the system's units, the unit and a stand-in executable where the unit expects uplink.
    private static async Task<(int ExitCode, string Output)> VerifyAsync(string unit, string installDirectory)
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null || !Directory.Exists("/usr/lib/systemd/system"))
        {
            Assert.Skip("systemd-analyze is not installed (Debian package 'systemd'); the unit was not verified");
        }

        var root = Directory.CreateTempSubdirectory("uplink-systemd-").FullName;
        try
        {
            CopyDirectory("/usr/lib/systemd/system", Path.Combine(root, "usr/lib/systemd/system"));
            var units = Directory.CreateDirectory(Path.Combine(root, "etc/systemd/system")).FullName;
            await File.WriteAllTextAsync(Path.Combine(units, "uplink.service"), unit);
            var executable = Path.Combine(root, installDirectory.TrimStart('/'), "uplink");
            Directory.CreateDirectory(Path.GetDirectoryName(executable)!);
            await File.WriteAllTextAsync(executable, "#!/bin/sh\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            var start = new ProcessStartInfo(analyze, ["verify", $"--root={root}", Path.Combine(units, "uplink.service")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output.Trim());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is { } target)
            {
                File.CreateSymbolicLink(Path.Combine(to, info.Name), target);
            }
            else
            {
                File.Copy(file, Path.Combine(to, info.Name));
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is { } target)
            {
                Directory.CreateSymbolicLink(Path.Combine(to, info.Name), target);
            }
            else
            {
                CopyDirectory(directory, Path.Combine(to, info.Name));
            }
        }
    }
}
