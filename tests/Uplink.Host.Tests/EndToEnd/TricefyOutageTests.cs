using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uplink.Dicom;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// A share over the real ViewPoint API through a running <c>uplink run</c> with the Tricefy output, whose
/// cloud (the simulator) goes down in the middle of the share and comes back on the same port, answering
/// 503 to its first requests: the share
/// says it is waiting while the cloud is down, then every instance arrives exactly once, the patient-share
/// hand-off arrives once with the recipient's contact, and the contact is in no uploaded file.
/// </summary>
public sealed class TricefyOutageTests
{
    private const int Images = 6;

    [Fact]
    public async Task A_Tricefy_outage_mid_share_makes_it_wait_then_delivers_every_instance_exactly_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var host = new EndToEndSite(images: Images, frames: 60, workers: 1);
        host.SetPipeline("RetryBaseDelay", "00:00:00.200");
        host.SetPipeline("RetryMaxDelay", "00:00:01");
        await using var tricefy = await DemoTricefy.StartAsync(host.Site, ShortRetries(), cancel);
        var simulator = tricefy.Simulator;
        await host.StartAsync();

        var (status, body) = await host.Client.ShareAsync("outage-1", "exam-outage", host.Exam.Select(i => i.ImageId), DemoPatient.Email, DemoPatient.Phone, cancel);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var shareId = body.GetProperty("shareId").GetString()!;

        await WaitUntilAsync(() => simulator.Received.Instances.Count > 0, "the first instance to reach the simulator", cancel);
        await simulator.StopAsync(cancel);
        var arrivedBeforeOutage = simulator.Received.Instances.Count;
        var waiting = await WaitForStatusAsync(host, shareId, "waiting", cancel);
        simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, count: 3);
        await simulator.RestartAsync(cancel);
        var final = await host.Client.WaitForEndAsync(shareId, TimeSpan.FromSeconds(40), cancel);
        host.Process.Stop();

        TestContext.Current.SendDiagnosticMessage($"instances at the outage: {arrivedBeforeOutage} of {Images}; while down: {waiting}");
        Assert.InRange(arrivedBeforeOutage, 1, Images - 1);
        Assert.Contains(DemoTricefy.PluginId, waiting.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPatient.Email, waiting.ToString(), StringComparison.Ordinal);
        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal(0, simulator.Faults.Pending);
        Assert.All(final.GetProperty("images").EnumerateArray(), i => Assert.Equal("sent", i.GetProperty("status").GetString()));

        var received = simulator.Received.Instances;
        Assert.Equal(Images, received.Count);
        Assert.All(received, i => Assert.Equal(1, i.TimesReceived));
        var storedSops = received.Select(i => DicomFile.Open(i.StoredPath).Dataset.GetString(DicomTags.SOPInstanceUID)).ToHashSet();
        Assert.Equal(received.Select(i => i.SopInstanceUid).Order(StringComparer.Ordinal), storedSops.Order(StringComparer.Ordinal));

        var share = Assert.Single(simulator.Received.Shares);
        Assert.Equal(shareId, share.ShareId);
        Assert.Equal(Images, share.InstanceCount);
        Assert.Equal(DemoPatient.Email, share.Email);
        Assert.Equal(DemoPatient.Phone, share.Phone);
        foreach (var instance in received)
        {
            var bytes = await File.ReadAllBytesAsync(instance.StoredPath, cancel);
            foreach (var secret in new[] { DemoPatient.Email, DemoPatient.Phone, DemoPatient.Name, DemoPatient.Id })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)) < 0, $"{instance.StoredPath} contains '{secret}'");
            }
        }
    }

    private static JsonObject ShortRetries() => new()
    {
        ["MaxRetryAttempts"] = 1,
        ["RetryBaseDelay"] = "00:00:00.050",
        ["BreakDuration"] = "00:00:00.500",
        ["RequestTimeout"] = "00:00:10",
    };

    private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(2, cancel);
        }
    }

    private static async Task<JsonElement> WaitForStatusAsync(EndToEndSite host, string shareId, string expected, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await host.Client.StatusAsync(shareId, cancel);
            if (status.GetProperty("status").GetString() == expected)
            {
                return status;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the share never said '{expected}'; last status: {status}");
            await Task.Delay(50, cancel);
        }
    }
}
