using System.Security.Cryptography;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>
/// Through the host's pipeline to the Tricefy simulator: the host shapes each instance to what Tricefy declares it
/// takes, verifies the shaped files, and what arrives is byte for byte a file whose SHA-256 the host recorded.
/// </summary>
public sealed class TricefyPipelineTests
{
    [Fact]
    public async Task Share_RleAndImplicitVr_ArriveAsExplicitLittleEndian_ByteForByteAsRecorded()
    {
        await using var scope = await SimulatorScope.StartAsync();
        using var pipeline = new HostPipeline(scope.Temp.Combine("host"), "Uplink.Output.Tricefy", scope.CreateOutput());
        File.Copy(Corpus.File("us/acuson_ybr_full_rle.dcm"), Path.Combine(pipeline.Images, "rle"));
        File.Copy(Corpus.File("us/philips_palette_ivrle.dcm"), Path.Combine(pipeline.Images, "implicit"));

        var shareId = await pipeline.ShareAsync("rle", "implicit");

        var status = await pipeline.StatusAsync(shareId);
        Assert.Equal(ShareState.Completed, status!.State);
        var received = scope.Simulator.Received.Instances;
        Assert.Equal(2, received.Count);
        Assert.All(received, i => Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, i.TransferSyntaxUid));
        var recorded = Enumerable.Range(0, 2).SelectMany(p => pipeline.SentFiles(shareId, p)).ToList();
        Assert.Equal(received.Select(i => Sha256(i.StoredPath)).Order(), recorded.Select(r => r.Sha256).Order());
        Assert.Equal(received.Select(i => new FileInfo(i.StoredPath).Length).Order(), recorded.Select(r => r.Length).Order());
    }

    [Fact]
    public async Task Share_37MegabyteClip_ArrivesAsVerifiedPartsUnderTenMegabytes_EveryFrameOnceInOrder_AsRecorded()
    {
        await using var scope = await SimulatorScope.StartAsync();
        using var pipeline = new HostPipeline(scope.Temp.Combine("host"), "Uplink.Output.Tricefy", scope.CreateOutput());
        SyntheticClip.Write(Path.Combine(pipeline.Images, "clip"), "2.25.3131", frames: 40);

        var shareId = await pipeline.ShareAsync("clip");

        Assert.Equal(ShareState.Completed, (await pipeline.StatusAsync(shareId))!.State);
        var parts = scope.Simulator.Received.Instances
            .Select(i => (i.StoredPath, Length: new FileInfo(i.StoredPath).Length, DicomFile.Open(i.StoredPath).Dataset))
            .OrderBy(p => p.Dataset.GetInt32(DicomTags.InConcatenationNumber))
            .ToList();
        Assert.Equal(4, parts.Count);
        var recorded = pipeline.SentFiles(shareId, 0);
        Assert.Equal(parts.Select(p => Sha256(p.StoredPath)), recorded.OrderBy(r => r.Part).Select(r => r.Sha256));
        var frame = 0;
        foreach (var (_, length, part) in parts)
        {
            Assert.True(length <= 10_000_000, $"a part has {length} bytes");
            Assert.Equal(frame, part.GetInt32(DicomTags.ConcatenationFrameOffsetNumber));
            Assert.Equal("2.25.3131", part.GetString(DicomTags.SOPInstanceUIDOfConcatenationSource));
            var frames = part.GetInt32(DicomTags.NumberOfFrames)!.Value;
            using var pixels = ((DicomElement)part[DicomTags.PixelData]!).OpenValue();
            for (var f = 0; f < frames; f++)
            {
                var first = new byte[1];
                pixels.ReadExactly(first);
                Assert.Equal(frame + f, first[0]);
                pixels.Seek((480 * 640 * 3) - 1, SeekOrigin.Current);
            }

            frame += frames;
        }

        Assert.Equal(40, frame);
    }

    [Fact]
    public async Task Share_OutageBetweenParts_ResendsOnlyTheMissingParts_TheSameBytesAsRecorded()
    {
        await using var scope = await SimulatorScope.StartAsync();
        using var pipeline = new HostPipeline(scope.Temp.Combine("host"), "Uplink.Output.Tricefy", scope.CreateOutput());
        SyntheticClip.Write(Path.Combine(pipeline.Images, "clip"), "2.25.3232", frames: 40);
        scope.Simulator.Faults.Enqueue(Uplink.Tricefy.Simulator.Faults.FaultKind.SlowResponse, 1);
        scope.Simulator.Faults.Enqueue(Uplink.Tricefy.Simulator.Faults.FaultKind.ServiceUnavailable, 1);

        var shareId = await pipeline.ShareAsync("clip");

        Assert.Equal(ShareState.Completed, (await pipeline.StatusAsync(shareId))!.State);
        var received = scope.Simulator.Received.Instances;
        Assert.Equal(4, received.Count);
        Assert.All(received, i => Assert.Equal(1, i.TimesReceived));
        Assert.Equal(5, scope.Simulator.Received.UploadRequests);
        Assert.Equal(received.Select(i => Sha256(i.StoredPath)).Order(), pipeline.SentFiles(shareId, 0).Select(r => r.Sha256).Order());
    }

    [Fact]
    public async Task Share_SyntaxTricefyDoesNotTakeAndUplinkDoesNotConvert_IsSetAsideNamingIt_NothingSent()
    {
        await using var scope = await SimulatorScope.StartAsync();
        using var pipeline = new HostPipeline(scope.Temp.Combine("host"), "Uplink.Output.Tricefy", scope.CreateOutput());
        File.Copy(Corpus.File("us/ge_jpeg2000_lossy_ybr_ict.dcm"), Path.Combine(pipeline.Images, "j2k"));

        var shareId = await pipeline.ShareAsync("j2k");

        var status = await pipeline.StatusAsync(shareId);
        var image = Assert.Single(status!.Images);
        Assert.Contains("1.2.840.10008.1.2.4.91", image.Reason, StringComparison.Ordinal);
        Assert.Equal(0, scope.Simulator.Received.UploadRequests);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
