using Uplink.Core.Anonymization.Shaping;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using static Uplink.Core.Tests.Anonymization.Shaping.ShapingFixture;

namespace Uplink.Core.Tests.Anonymization.Shaping;

/// <summary>Shaping real files for an output that takes what Tricefy takes, checked against dcmtk's own conversions.</summary>
public sealed class InstanceShaperTests : IDisposable
{
    private readonly TempFolder _temp = new("uplink-shaping");

    [Theory]
    [InlineData("us/acuson_ybr_full_rle.dcm")]
    [InlineData("us/mindray_ybr_full_rle_burned_in.dcm")]
    [InlineData("us/palette_cine_rle_10f.dcm")]
    [InlineData("transfer-syntax/rle_multi_fragment_ct.dcm")]
    public async Task Shape_Rle_DecodesToExplicitLittleEndian_PixelForPixelAsDcmdrle(string relative)
    {
        var source = Corpus.File(relative);
        var expected = _temp.Combine("dcmdrle.dcm");
        var (exit, output) = await Peers.RunAsync("dcmdrle", source, expected);
        Assert.True(exit == 0, output);

        var shaped = Shape(source, TricefyLike(), _temp.Combine("shaped"));

        Assert.True(shaped.SetAsideReason is null, shaped.SetAsideReason);
        var file = Assert.Single(shaped.Files);
        using var ours = DicomFile.Open(file.Path);
        Assert.Equal(ExplicitLittle, ours.TransferSyntax.Uid);
        Assert.Equal(PixelBytes(expected), PixelBytes(file.Path));
        Assert.Equal(DicomFile.Open(expected).Dataset.GetInt32(DicomTags.PlanarConfiguration), ours.Dataset.GetInt32(DicomTags.PlanarConfiguration));
        Assert.False(File.Exists(_temp.Combine("shaped", "pixels.raw")));
    }

    [Theory]
    [InlineData("us/philips_palette_ivrle.dcm")]
    [InlineData("transfer-syntax/explicit_vr_big_endian_us_aloka.dcm")]
    public async Task Shape_ImplicitOrBigEndian_IsRewrittenAsExplicitLittleEndian_LikeDcmconv(string relative)
    {
        var source = Corpus.File(relative);
        var expected = _temp.Combine("dcmconv.dcm");
        var (exit, output) = await Peers.RunAsync("dcmconv", "+te", source, expected);
        Assert.True(exit == 0, output);

        var shaped = Shape(source, TricefyLike(), _temp.Combine("shaped"));

        Assert.True(shaped.SetAsideReason is null, shaped.SetAsideReason);
        var file = Assert.Single(shaped.Files);
        Assert.Equal(ExplicitLittle, file.TransferSyntaxUid);
        Assert.Equal(PixelBytes(expected), PixelBytes(file.Path));
        var (dumpExit, dump) = await Peers.RunAsync("dcmdump", "-q", file.Path);
        Assert.True(dumpExit == 0, dump);
    }

    [Theory]
    [InlineData("us/ge_jpeg2000_lossy_ybr_ict.dcm", "1.2.840.10008.1.2.4.91")]
    [InlineData("us/palette_cine_jpegls_10f.dcm", "1.2.840.10008.1.2.4.80")]
    public void Shape_TransferSyntaxItCannotConvert_IsSetAsideNamingIt(string relative, string uid)
    {
        var shaped = Shape(Corpus.File(relative), TricefyLike(), _temp.Combine("shaped"));

        Assert.Empty(shaped.Files);
        Assert.Contains(uid, shaped.SetAsideReason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("shaped")));
    }

    [Fact]
    public void Shape_SopClassTheOutputDoesNotTake_IsSetAsideNamingIt()
    {
        var path = MinimalPart10.Write(_temp.Combine("ct.dcm"), "2.25.77", sopClassUid: "1.2.840.10008.5.1.4.1.1.2");
        var acceptance = OutputAcceptance.Create(null, [], ["1.2.840.10008.5.1.4.1.1.6.1"]);

        var shaped = Shape(path, acceptance, _temp.Combine("shaped"));

        Assert.Empty(shaped.Files);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.2", shaped.SetAsideReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_FileTheOutputTakes_IsSentAsItIs_WithoutACopy()
    {
        var path = MinimalPart10.Write(_temp.Combine("small.dcm"), "2.25.78");
        var described = Describe(path);

        var shaped = Shape(path, TricefyLike(), _temp.Combine("shaped"));

        var file = Assert.Single(shaped.Files);
        Assert.Equal((path, described.Sha256, 0), (file.Path, file.Sha256, file.Part));
        Assert.False(Directory.Exists(_temp.Combine("shaped")));
    }

    [Fact]
    public void Shape_25MegabyteNativeClip_SplitsIntoVerifiedPartsUnderTenMegabytes_WithEveryFrameOnceInOrder()
    {
        var path = SyntheticClip.Write(_temp.Combine("clip.dcm"), "2.25.2525", frames: 28);
        Assert.True(new FileInfo(path).Length > 25_000_000);

        var shaped = Shape(path, TricefyLike(), _temp.Combine("shaped"));

        Assert.Null(shaped.SetAsideReason);
        Assert.Equal(3, shaped.Files.Count);
        var frame = 0;
        foreach (var (part, index) in shaped.Files.Select((p, i) => (p, i)))
        {
            Assert.True(part.Length <= 10_000_000, $"part {part.Part} has {part.Length} bytes");
            Assert.Equal(index + 1, part.Part);
            Assert.Equal(PartUids.Part("2.25.2525", index + 1), part.SopInstanceUid);
            using var file = DicomFile.Open(part.Path);
            var ds = file.Dataset;
            Assert.Equal(PartUids.Concatenation("2.25.2525"), ds.GetString(DicomTags.ConcatenationUID));
            Assert.Equal("2.25.2525", ds.GetString(DicomTags.SOPInstanceUIDOfConcatenationSource));
            Assert.Equal(frame, ds.GetInt32(DicomTags.ConcatenationFrameOffsetNumber));
            Assert.Equal(3, ds.GetInt32(DicomTags.InConcatenationTotalNumber));
            var pixels = PixelBytes(part.Path);
            var frames = ds.GetInt32(DicomTags.NumberOfFrames)!.Value;
            for (var f = 0; f < frames; f++)
            {
                Assert.Equal(frame + f, pixels[f * 640 * 480 * 3]);
            }

            frame += frames;
        }

        Assert.Equal(28, frame);
    }

    [Fact]
    public async Task Shape_JpegClipOverTheLimit_SplitsIntoOrderedPartsThatDcmtkDecodes_WithoutNewDciodvfyErrors()
    {
        var source = Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm");
        var before = Errors((await Peers.RunAsync("dciodvfy", source)).Output);

        var shaped = Shape(source, TricefyLike(maxBytes: 1_000_000), _temp.Combine("shaped"));

        Assert.Null(shaped.SetAsideReason);
        Assert.True(shaped.Files.Count >= 4, $"{shaped.Files.Count} parts");
        var frames = 0;
        foreach (var part in shaped.Files)
        {
            Assert.True(part.Length <= 1_000_000, $"part {part.Part} has {part.Length} bytes");
            using (var file = DicomFile.Open(part.Path))
            {
                frames += file.Dataset.GetInt32(DicomTags.NumberOfFrames)!.Value;
            }

            var (exit, output) = await Peers.RunAsync("dcmdjpeg", part.Path, _temp.Combine($"decoded-{part.Part}.dcm"));
            Assert.True(exit == 0, $"dcmdjpeg refused part {part.Part}: {output}");
            var after = Errors((await Peers.RunAsync("dciodvfy", part.Path)).Output);
            Assert.True(after.IsSubsetOf(before), $"new dciodvfy errors in part {part.Part}: {string.Join(" | ", after.Except(before))}");
        }

        Assert.Equal(87, frames);
        Assert.Equal(shaped.Files.Count, shaped.Files.Select(p => p.SopInstanceUid).Distinct().Count());
    }

    [Fact]
    public void Shape_RleClipOverTheLimit_IsDecodedThenSplit_AndTheSameTwiceGivesTheSameBytes()
    {
        var source = Corpus.File("us/palette_cine_rle_10f.dcm");
        var whole = Shape(source, TricefyLike(), _temp.Combine("whole"));

        var first = Shape(source, TricefyLike(maxBytes: 1_000_000), _temp.Combine("first"));
        var second = Shape(source, TricefyLike(maxBytes: 1_000_000), _temp.Combine("second"));

        Assert.True(first.SetAsideReason is null, first.SetAsideReason);
        Assert.True(first.Files.Count > 1);
        Assert.Equal(PixelBytes(Assert.Single(whole.Files).Path), first.Files.SelectMany(p => PixelBytes(p.Path)).ToArray());
        Assert.Equal(first.Files.Select(f => f.Sha256), second.Files.Select(f => f.Sha256));
        Assert.False(File.Exists(_temp.Combine("first", "converted.dcm")));
    }

    [Fact]
    public void Shape_SingleFrameOverTheLimit_IsSetAsideSayingSo()
    {
        var shaped = Shape(Corpus.File("us/ge_voluson_rgb_exvrle.dcm"), TricefyLike(maxBytes: 1_000_000), _temp.Combine("shaped"));

        Assert.Empty(shaped.Files);
        Assert.Contains("single frame", shaped.SetAsideReason, StringComparison.Ordinal);
        Assert.Contains("1000000", shaped.SetAsideReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_ClipOverTheLimit_ForAnOutputThatTakesNoParts_IsSetAsideSayingSo()
    {
        var shaped = Shape(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm"), TricefyLike(maxBytes: 1_000_000, split: false), _temp.Combine("shaped"));

        Assert.Empty(shaped.Files);
        Assert.Contains("does not take clips split into parts", shaped.SetAsideReason, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static HashSet<string> Errors(string dciodvfy) =>
        [.. dciodvfy.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => l.Trim())];
}
