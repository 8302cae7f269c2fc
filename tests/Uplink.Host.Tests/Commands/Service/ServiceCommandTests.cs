using Uplink.Host.Commands;
using Uplink.Host.Commands.Service;

namespace Uplink.Host.Tests.Commands.Service;

public sealed class ServiceCommandTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Install_on_linux_without_systemd_prints_the_exact_steps_and_changes_nothing()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the systemd steps are printed on Linux only");
        var config = Path.Combine(Path.GetTempPath(), "uplink-service-test", "site.json");
        var bin = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);

        var code = await new ServiceInstallCommand(Console()).RunAsync(["--config", config], TestContext.Current.CancellationToken, Console());

        Assert.Equal(ExitCodes.Success, code);
        var lines = _out.ToString().Split(Environment.NewLine).Select(l => l.Trim()).ToList();
        Assert.Contains($"useradd --system --user-group --no-create-home --home-dir {Path.GetDirectoryName(config)} --shell /usr/sbin/nologin uplink", lines);
        Assert.Contains($"install -d -o uplink -g uplink -m 0700 {Path.GetDirectoryName(config)}", lines);
        Assert.Contains($"sed -e 's#/var/lib/uplink/uplink.json#{config}#g' -e 's#/var/lib/uplink#{Path.GetDirectoryName(config)}#g' -e 's#/opt/uplink/#{bin}/#g' {bin}/uplink.service > /etc/systemd/system/uplink.service", lines);
        Assert.Contains("systemctl enable uplink", lines);
        Assert.Contains($"runuser -u uplink -- {bin}/uplink setup --config {config} --expert-code CODE", lines);
        Assert.True(File.Exists(Path.Combine(bin, "uplink.service")), "the unit travels with the binary");
        Assert.False(Directory.Exists(Path.GetDirectoryName(config)));
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task Uninstall_on_linux_without_systemd_prints_the_steps_and_keeps_the_data()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the systemd steps are printed on Linux only");

        var code = await new ServiceUninstallCommand(Console()).RunAsync([], TestContext.Current.CancellationToken, Console());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("systemctl disable --now uplink", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("rm /etc/systemd/system/uplink.service", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("the data folder and the uplink account stay", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_layout_installs_the_unit_as_is()
    {
        Assert.Empty(SystemdPlan.Substitutions("/opt/uplink", "/var/lib/uplink/uplink.json"));
        Assert.Equal("install -m 0644 /opt/uplink/uplink.service /etc/systemd/system/uplink.service", SystemdPlan.InstallUnitLine("/opt/uplink", "/var/lib/uplink/uplink.json"));
    }

    [Theory]
    [InlineData("/home/admin/uplink", true)]
    [InlineData("/root/uplink/", true)]
    [InlineData("/opt/uplink", false)]
    [InlineData("/srv/homes/uplink", false)]
    public void A_binary_under_a_home_folder_is_refused_because_the_unit_hides_homes(string installDirectory, bool refused)
    {
        var problem = SystemdPlan.InstallDirectoryProblem(installDirectory);

        Assert.Equal(refused, problem is not null);
        Assert.True(problem is null || problem.Contains("ProtectHome=true hides", StringComparison.Ordinal), problem);
    }

    [Fact]
    public void An_existing_account_is_not_created_again()
    {
        Assert.DoesNotContain(SystemdPlan.Prepare("/var/lib/uplink", accountExists: true), s => s.Program == "useradd");
        Assert.Contains(SystemdPlan.Prepare("/var/lib/uplink", accountExists: false), s => s.Program == "useradd");
    }

    [Fact]
    public void The_windows_service_starts_automatically_runs_with_the_configuration_and_restarts_on_failure()
    {
        var steps = WindowsServicePlan.Install(@"C:\Program Files\Uplink\uplink.exe", @"C:\ProgramData\Uplink\uplink.json", @"C:\ProgramData\Uplink");

        Assert.Equal(
            """sc.exe create Uplink binPath= '"C:\Program Files\Uplink\uplink.exe" run --config "C:\ProgramData\Uplink\uplink.json"' start= auto obj= 'NT SERVICE\Uplink' DisplayName= Uplink""",
            steps[0].ToString());
        Assert.Equal(["failure", "Uplink", "reset=", "86400", "actions=", "restart/5000/restart/5000/restart/60000"], steps[2].Arguments);
        Assert.Equal(["C:\\ProgramData\\Uplink", "/grant", @"NT SERVICE\Uplink:(OI)(CI)M"], steps[3].Arguments);
        Assert.All(steps, s => Assert.False(s.MayFail));
    }

    [Fact]
    public void Uninstalling_the_windows_service_stops_it_if_it_runs_then_deletes_it()
    {
        var steps = WindowsServicePlan.Uninstall();

        Assert.Equal(["sc.exe stop Uplink", "sc.exe delete Uplink"], steps.Select(s => s.ToString()));
        Assert.True(steps[0].MayFail);
        Assert.False(steps[1].MayFail);
    }

    [Fact]
    public async Task A_step_that_fails_stops_the_rest_and_is_named_with_its_exit_code_and_output()
    {
        var runner = new ServiceStepRunner(Console(), "uplink service install");
        var marker = Path.Combine(Path.GetTempPath(), $"uplink-step-{Guid.NewGuid():N}");

        var ok = await runner.RunAsync(
            [new ServiceStep("sh", ["-c", "echo no such service >&2; exit 1060"]), new ServiceStep("touch", [marker])],
            TestContext.Current.CancellationToken);

        Assert.False(ok);
        Assert.Contains("uplink service install: 'sh' exited with 36: no such service", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the step after the failed one ran");
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_failed_step_not_a_crash()
    {
        var (exitCode, output) = await ServiceStepRunner.RunAsync(new ServiceStep("uplink-no-such-program", []), TestContext.Current.CancellationToken);

        Assert.Equal(127, exitCode);
        Assert.StartsWith("cannot start it: ", output, StringComparison.Ordinal);
    }

    private ConsoleOutput Console() => new(_out, _error);
}
