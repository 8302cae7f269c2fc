using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>A clip well over Tricefy's real 10 MB limit, against the simulator's default (published) rules.</summary>
public sealed class TricefyLargeClipTests
{
    [Fact]
    public async Task DeliverAsync_37MegabyteClip_ArrivesAsOrderedPartsUnderTenMegabytes_WithEveryFrameOnce()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var path = SyntheticClip.Write(scope.Temp.Combine("clip.dcm"), "2.25.3131", frames: 40);
        var clip = Corpus.Instance(path);
        Assert.True(clip.Length > 36_000_000);

        var result = Assert.Single(await scope.CreateOutput().DeliverAsync([clip], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var parts = scope.Simulator.Received.Instances
            .Select(i => (i.Length, DicomFile.Open(i.StoredPath).Dataset))
            .OrderBy(p => p.Dataset.GetInt32(DicomTags.InConcatenationNumber))
            .ToList();
        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 10_000_000, $"a part has {p.Length} bytes"));
        var frame = 0;
        foreach (var (_, part) in parts)
        {
            Assert.Equal(frame, part.GetInt32(DicomTags.ConcatenationFrameOffsetNumber));
            Assert.Equal("33.3", part.GetString(DicomTags.FrameTime));
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
}
