using Uplink.Dicom;
using Uplink.Output.Tricefy;
using Uplink.Output.Tricefy.Preflight;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy.Preflight;

/// <summary>The pre-flight on real files, checked against dcmtk's own conversions.</summary>
public sealed class TricefyPreflightTests : IDisposable
{
    private readonly TempFolder _temp = new("uplink-preflight");

    [Theory]
    [InlineData("us/acuson_ybr_full_rle.dcm")]
    [InlineData("us/mindray_ybr_full_rle_burned_in.dcm")]
    [InlineData("us/palette_cine_rle_10f.dcm")]
    public async Task PrepareAsync_Rle_DecodesToExplicitLittleEndian_PixelForPixelAsDcmdrle(string relative)
    {
        var source = Corpus.File(relative);
        var expected = _temp.Combine("dcmdrle.dcm");
        var (exit, output) = await Peers.RunAsync("dcmdrle", source, expected);
        Assert.True(exit == 0, output);

        var plan = await Preflight().PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        var part = Assert.Single(plan.Parts);
        var ours = DicomFile.Open(part.Path);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, ours.TransferSyntax.Uid);
        Assert.Equal(PixelBytes(DicomFile.Open(expected)), PixelBytes(ours));
        Assert.Equal(DicomFile.Open(expected).Dataset.GetInt32(DicomTags.PlanarConfiguration), ours.Dataset.GetInt32(DicomTags.PlanarConfiguration));
    }

    [Fact]
    public async Task RleTranscoder_SeveralFragmentsPerFrame_DecodesLikeDcmdrle()
    {
        var source = Corpus.File("transfer-syntax/rle_multi_fragment_ct.dcm");
        var expected = _temp.Combine("dcmdrle-ct.dcm");
        var (exit, output) = await Peers.RunAsync("dcmdrle", source, expected);
        Assert.True(exit == 0, output);
        var file = DicomFile.Open(source);
        Directory.CreateDirectory(_temp.Combine("ct"));

        RleTranscoder.Decode(file.Dataset, _temp.Combine("ct"));

        Assert.Equal(PixelBytes(DicomFile.Open(expected)), PixelBytes(file));
    }

    [Theory]
    [InlineData("us/philips_palette_ivrle.dcm")]
    [InlineData("transfer-syntax/explicit_vr_big_endian_us_aloka.dcm")]
    public async Task PrepareAsync_ImplicitOrBigEndian_IsRewrittenAsExplicitLittleEndian_LikeDcmconv(string relative)
    {
        var source = Corpus.File(relative);
        var expected = _temp.Combine("dcmconv.dcm");
        var (exit, output) = await Peers.RunAsync("dcmconv", "+te", source, expected);
        Assert.True(exit == 0, output);

        var plan = await Preflight().PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        var ours = DicomFile.Open(Assert.Single(plan.Parts).Path);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, ours.TransferSyntax.Uid);
        Assert.Equal(PixelBytes(DicomFile.Open(expected)), PixelBytes(ours));
        var (dumpExit, dump) = await Peers.RunAsync("dcmdump", "-q", Assert.Single(plan.Parts).Path);
        Assert.True(dumpExit == 0, dump);
    }

    [Fact]
    public async Task PrepareAsync_Deflated_IsInflatedToExplicitLittleEndian_WithTheSamePixels()
    {
        var original = MinimalPart10.Write(_temp.Combine("original.dcm"), "2.25.991", pixelBytes: 20_000);
        var deflated = _temp.Combine("deflated.dcm");
        var (exit, output) = await Peers.RunAsync("dcmconv", "+td", original, deflated);
        Assert.True(exit == 0, output);
        Assert.Equal(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid, DicomFile.Open(deflated).TransferSyntax.Uid);

        var plan = await Preflight().PrepareAsync(Corpus.Instance(deflated), TestContext.Current.CancellationToken);

        var ours = DicomFile.Open(Assert.Single(plan.Parts).Path);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, ours.TransferSyntax.Uid);
        Assert.Equal(PixelBytes(DicomFile.Open(original)), PixelBytes(ours));
        var (dumpExit, dump) = await Peers.RunAsync("dcmdump", "-q", Assert.Single(plan.Parts).Path);
        Assert.True(dumpExit == 0, dump);
    }

    [Theory]
    [InlineData("us/ge_jpeg2000_lossy_ybr_ict.dcm", "1.2.840.10008.1.2.4.91")]
    [InlineData("us/palette_cine_jpegls_10f.dcm", "1.2.840.10008.1.2.4.80")]
    public async Task PrepareAsync_TransferSyntaxItCannotConvert_IsSetAsideNamingIt(string relative, string uid)
    {
        var plan = await Preflight().PrepareAsync(Corpus.Instance(Corpus.File(relative)), TestContext.Current.CancellationToken);

        Assert.Empty(plan.Parts);
        Assert.Contains(uid, plan.SetAsideReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_JpegClipOverTheLimit_SplitsIntoOrderedPartsThatDcmtkDecodes()
    {
        var source = Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm");
        var original = DicomFile.Open(source);

        var plan = await Preflight(maxBytes: 1_000_000).PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        Assert.Null(plan.SetAsideReason);
        Assert.True(plan.Parts.Count >= 4, $"{plan.Parts.Count} parts");
        var frames = 0;
        for (var p = 0; p < plan.Parts.Count; p++)
        {
            Assert.True(plan.Parts[p].Length <= 1_000_000, $"part {p + 1} has {plan.Parts[p].Length} bytes");
            var part = DicomFile.Open(plan.Parts[p].Path).Dataset;
            Assert.Equal(p + 1, part.GetInt32(DicomTags.InConcatenationNumber));
            Assert.Equal(plan.Parts.Count, part.GetInt32(DicomTags.InConcatenationTotalNumber));
            Assert.Equal(frames, part.GetInt32(DicomTags.ConcatenationFrameOffsetNumber));
            Assert.Equal(original.Dataset.GetString(DicomTags.SOPInstanceUID), part.GetString(DicomTags.SOPInstanceUIDOfConcatenationSource));
            Assert.Equal(original.Dataset.GetString(DicomTags.FrameTime), part.GetString(DicomTags.FrameTime));
            frames += part.GetInt32(DicomTags.NumberOfFrames)!.Value;
            var (exit, output) = await Peers.RunAsync("dcmdjpeg", plan.Parts[p].Path, _temp.Combine($"decoded-{p}.dcm"));
            Assert.True(exit == 0, $"dcmdjpeg refused part {p + 1}: {output}");
        }

        Assert.Equal(87, frames);
        Assert.Equal(plan.Parts.Count, plan.Parts.Select(p => DicomFile.Open(p.Path).Dataset.GetString(DicomTags.SOPInstanceUID)).Distinct().Count());
    }

    [Fact]
    public async Task PrepareAsync_ClipParts_AddNoDciodvfyErrorThatTheClipDidNotHave()
    {
        var source = Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm");
        var before = Errors((await Peers.RunAsync("dciodvfy", source)).Output);

        var plan = await Preflight(maxBytes: 1_000_000).PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        Assert.NotEmpty(plan.Parts);
        foreach (var part in plan.Parts)
        {
            var after = Errors((await Peers.RunAsync("dciodvfy", part.Path)).Output);
            Assert.True(after.IsSubsetOf(before), $"new dciodvfy errors in {Path.GetFileName(part.Path)}: {string.Join(" | ", after.Except(before))}");
        }
    }

    [Fact]
    public async Task PrepareAsync_SameClipTwice_DerivesTheSamePartUids()
    {
        var instance = Corpus.Instance(Corpus.File("us/palette_cine_rle_10f.dcm"));

        var first = await Preflight(maxBytes: 1_000_000).PrepareAsync(instance, TestContext.Current.CancellationToken);
        var second = await Preflight(maxBytes: 1_000_000).PrepareAsync(instance, TestContext.Current.CancellationToken);

        Assert.True(first.Parts.Count > 1);
        Assert.Equal(Uids(first), Uids(second));
        Assert.Equal(first.Parts.Select(p => p.Key), second.Parts.Select(p => p.Key));
    }

    [Fact]
    public async Task PrepareAsync_NativeClipSplit_KeepsEveryPixelInOrder()
    {
        var source = Corpus.File("us/palette_cine_rle_10f.dcm");
        var whole = await Preflight().PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        var split = await Preflight(maxBytes: 1_000_000).PrepareAsync(Corpus.Instance(source), TestContext.Current.CancellationToken);

        Assert.True(split.Parts.Count > 1);
        Assert.Equal(PixelBytes(DicomFile.Open(Assert.Single(whole.Parts).Path)), split.Parts.SelectMany(p => PixelBytes(DicomFile.Open(p.Path))).ToArray());
        Assert.All(split.Parts, p => Assert.True(p.Length <= 1_000_000));
    }

    [Fact]
    public async Task PrepareAsync_SingleFrameOverTheLimit_IsSetAsideSayingSo()
    {
        var plan = await Preflight(maxBytes: 1_000_000).PrepareAsync(Corpus.Instance(Corpus.File("us/ge_voluson_rgb_exvrle.dcm")), TestContext.Current.CancellationToken);

        Assert.Empty(plan.Parts);
        Assert.Contains("single frame", plan.SetAsideReason, StringComparison.Ordinal);
        Assert.Contains("1000000", plan.SetAsideReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ClipOverTheLimitWithSplittingOff_IsSetAsideSayingSo()
    {
        var plan = await Preflight(maxBytes: 1_000_000, split: false).PrepareAsync(Corpus.Instance(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm")), TestContext.Current.CancellationToken);

        Assert.Empty(plan.Parts);
        Assert.Contains("splitting clips is turned off", plan.SetAsideReason, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private TricefyPreflight Preflight(long maxBytes = 10_000_000, bool split = true) =>
        new(new TricefyOptions { MaxFileBytes = maxBytes, SplitLargeClips = split }, _temp.Combine("staging"));

    private static HashSet<string> Errors(string dciodvfy) =>
        [.. dciodvfy.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => l.Trim())];

    private static string?[] Uids(PreflightResult plan) => [.. plan.Parts.Select(p => DicomFile.Open(p.Path).Dataset.GetString(DicomTags.SOPInstanceUID))];

    private static byte[] PixelBytes(DicomFile file)
    {
        var element = Assert.IsType<DicomElement>(file.Dataset[DicomTags.PixelData]);
        using var stream = element.OpenValue();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
