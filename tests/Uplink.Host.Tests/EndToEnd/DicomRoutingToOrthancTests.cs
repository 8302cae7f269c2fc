using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uplink.Dicom;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// A DICOM node end to end: dcmtk's <c>storescu</c> pushes the demo exam to the real <c>uplink run</c>'s C-STORE
/// receiver, the quiet study is routed through Anon-LPU-O, and Uplink's C-STORE sender delivers it to Orthanc on
/// loopback, where neither Orthanc's parse nor its stored file bytes hold any planted value of the exam.
/// </summary>
public sealed class DicomRoutingToOrthancTests(OrthancFixture orthanc) : IClassFixture<OrthancFixture>
{
    [Fact]
    public async Task A_study_pushed_by_storescu_reaches_Orthanc_anonymized_with_no_planted_value_anywhere()
    {
        if (orthanc.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        DcmtkTool.Require("storescu");
        var ct = TestContext.Current.CancellationToken;
        using var host = new EndToEndSite(images: 2, frames: 6);
        var port = DemoSite.FreePort();
        RouteDicomToOrthanc(host, port);
        var needles = Needles(host.Exam.Select(i => i.Path));

        await host.StartAsync();
        await DicomReceiver.SendAsync(port, host.Exam.Select(i => i.Path), ct);
        var instances = await WaitForInstancesAsync(host.Exam.Count, ct);

        foreach (var id in instances)
        {
            var tags = await orthanc.Http.GetStringAsync(new Uri(orthanc.BaseUrl, $"instances/{id}/tags"), ct);
            var simplified = JsonNode.Parse(await orthanc.Http.GetStringAsync(new Uri(orthanc.BaseUrl, $"instances/{id}/simplified-tags"), ct))!;
            var file = await orthanc.Http.GetByteArrayAsync(new Uri(orthanc.BaseUrl, $"instances/{id}/file"), ct);
            Assert.Equal("ANONYMOUS", simplified["PatientName"]?.GetValue<string>());
            Assert.Equal("000000", simplified["PatientID"]?.GetValue<string>());
            foreach (var needle in needles)
            {
                Assert.DoesNotContain(needle, tags, StringComparison.OrdinalIgnoreCase);
                Assert.False(Contains(file, Encoding.ASCII.GetBytes(needle)), $"Orthanc's stored file {id} holds a planted value of the exam.");
            }
        }

        var study = await orthanc.Http.GetStringAsync(new Uri(orthanc.BaseUrl, "studies?expand"), ct);
        Assert.DoesNotContain(needles, n => study.Contains(n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>DICOM in (routing after a 1 s quiet period), Orthanc out.</summary>
    private void RouteDicomToOrthanc(EndToEndSite host, int port)
    {
        DicomReceiver.Enable(host, port, quietSeconds: 1);
        host.Edit(uplink =>
        {
            uplink["Outputs"] = new JsonArray("Uplink.Output.DicomStore");
            uplink["Plugins"]!["Uplink.Output.DicomStore"] = new JsonObject
            {
                ["Host"] = "127.0.0.1",
                ["Port"] = orthanc.DicomPort,
                ["CalledAeTitle"] = "ORTHANC",
                ["CallingAeTitle"] = "UPLINK",
            };
        });
    }

    /// <summary>The planted identity, institution, private values and every original UID of the exam.</summary>
    private static List<string> Needles(IEnumerable<string> files)
    {
        List<string> needles =
        [
            DemoPatient.Name, "DOE^JANE", DemoPatient.Id, DemoPatient.BirthDate, DemoPatient.Email, DemoPatient.Phone,
            "ACC-778899", "Demo Women's Clinic", "1 Example Street", "HOUSE^GREGORY", "12 Demo Road", "+46 70 999 88 77",
            "SN-E10-0042", "ST4471", "Planted note", "UPLINK DEMO", "KRETZ_US",
        ];
        foreach (var path in files)
        {
            using var file = DicomFile.Open(path);
            needles.AddRange(new[] { DicomTags.SOPInstanceUID, DicomTags.StudyInstanceUID, DicomTags.SeriesInstanceUID }
                .Select(t => file.Dataset.GetString(t)!));
        }

        return [.. needles.Distinct(StringComparer.Ordinal)];
    }

    private async Task<List<string>> WaitForInstancesAsync(int count, CancellationToken ct)
    {
        var ids = new List<string>();
        for (var i = 0; i < 120 && ids.Count < count; i++)
        {
            await Task.Delay(500, ct);
            ids = JsonSerializer.Deserialize<List<string>>(await orthanc.Http.GetStringAsync(new Uri(orthanc.BaseUrl, "instances"), ct)) ?? [];
        }

        Assert.Equal(count, ids.Count);
        return ids;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
