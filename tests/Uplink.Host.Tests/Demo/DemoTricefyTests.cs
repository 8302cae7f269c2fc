using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.Demo;

/// <summary><c>uplink demo --tricefy</c> as a newcomer runs it: the real process, the simulator as the cloud.</summary>
public sealed class DemoTricefyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-demo-tricefy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Demo_with_tricefy_uploads_to_the_simulator_and_reports_the_hand_off_without_printing_the_contact()
    {
        var folder = Path.Combine(_root, "site");
        using var demo = UplinkProcess.Start(_root, ["demo", "--tricefy", "--folder", folder]);
        var exit = demo.WaitForExit(TimeSpan.FromSeconds(50));
        var output = string.Join(Environment.NewLine, demo.Output);

        Assert.True(exit == 0, $"exit {exit?.ToString() ?? "none (killed)"}:{Environment.NewLine}{output}");
        Assert.Contains("received 2 instance(s) from 2 upload request(s); 0 duplicate(s), 0 refusal(s).", output, StringComparison.Ordinal);
        Assert.Contains("recipient e-mail arrived as ViewPoint sent it, phone arrived as ViewPoint sent it", output, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPatient.Email, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPatient.Phone, output, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "tricefy"), "*.dcm", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "output"), "*", SearchOption.AllDirectories));
        Assert.DoesNotContain("simulator-token", File.ReadAllText(Path.Combine(folder, "uplink.json")), StringComparison.Ordinal);
    }
}
