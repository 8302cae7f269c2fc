using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.IO;

/// <summary>Generated fixtures for each transfer syntax: the same content reads the same, and writes back as Explicit VR LE
/// (or the encapsulated syntax as it came).</summary>
public sealed class TransferSyntaxFixtureTests
{
    public static TheoryData<string, bool, bool, bool> NativeSyntaxes => new()
    {
        { "1.2.840.10008.1.2", false, true, false },
        { "1.2.840.10008.1.2.1", true, true, false },
        { "1.2.840.10008.1.2.2", true, false, false },
        { "1.2.840.10008.1.2.1.99", true, true, true },
    };

    [Theory]
    [MemberData(nameof(NativeSyntaxes))]
    public void NativeSyntax_ReadsValuesSequencesAndWordsInLittleEndian(string uid, bool explicitVR, bool little, bool deflate)
    {
        var bytes = RawDicom.Part10(uid, Body(explicitVR, little), deflate);

        var file = DicomFile.Read(new MemoryStream(bytes));

        Assert.Equal(uid, file.TransferSyntax.Uid);
        AssertContent(file.Dataset);
        var written = new MemoryStream();
        file.WriteTo(written);
        written.Position = 0;
        var reread = DicomFile.Read(written);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, reread.TransferSyntax);
        AssertContent(reread.Dataset);
        DatasetAssert.Equivalent(file.Dataset, reread.Dataset);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.50")]
    [InlineData("1.2.840.10008.1.2.4.70")]
    [InlineData("1.2.840.10008.1.2.4.80")]
    [InlineData("1.2.840.10008.1.2.4.90")]
    [InlineData("1.2.840.10008.1.2.4.102")]
    [InlineData("1.2.840.10008.1.2.4.107")]
    [InlineData("1.2.840.10008.1.2.5")]
    [InlineData("1.2.999.1")]
    public void EncapsulatedSyntax_KeepsOffsetTableAndFragmentsByteForByte(string uid)
    {
        byte[] table = [0, 0, 0, 0, 10, 0, 0, 0];
        byte[] first = [0xFF, 0xD8, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9];
        byte[] second = [0xFF, 0xD8, 7, 0xFF, 0xD9, 0];
        var body = new RawDicom()
            .Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Element(0x7FE0, 0x0010, "OB", [], 0xFFFFFFFF)
            .Marker(0xE000, (uint)table.Length).Raw(table)
            .Marker(0xE000, (uint)first.Length).Raw(first)
            .Marker(0xE000, (uint)second.Length).Raw(second)
            .Marker(0xE0DD)
            .ToArray();

        var file = DicomFile.Read(new MemoryStream(RawDicom.Part10(uid, body)));
        var written = new MemoryStream();
        file.WriteTo(written);
        written.Position = 0;
        var reread = DicomFile.Read(written);

        Assert.True(file.TransferSyntax.IsEncapsulated);
        Assert.Equal(uid, reread.TransferSyntax.Uid);
        var fragments = Assert.IsType<DicomFragmentSequence>(reread.Dataset[DicomTags.PixelData]).Fragments;
        Assert.Equal([table, first, second], fragments.Select(f => DatasetAssert.ReadAll(f.OpenRead())));
    }

    [Fact]
    public void BigEndianCorpusFile_ReadsTheSameValuesAsItsLittleEndianTwin()
    {
        var folder = Corpus.RequireFolder();
        var big = DicomFile.Open(Path.Combine(folder, "transfer-syntax/explicit_vr_big_endian_us_aloka.dcm"));
        var little = DicomFile.Open(Path.Combine(folder, "us/aloka_palette16_ivrle.dcm"));

        Assert.Equal(little.Dataset.GetString(DicomTags.Rows), big.Dataset.GetString(DicomTags.Rows));
        Assert.Equal(little.Dataset.GetString(DicomTags.RedPaletteColorLookupTableDescriptor), big.Dataset.GetString(DicomTags.RedPaletteColorLookupTableDescriptor));
        var bigPixels = DatasetAssert.ReadAll(((DicomElement)big.Dataset[DicomTags.PixelData]!).OpenValue());
        var littlePixels = DatasetAssert.ReadAll(((DicomElement)little.Dataset[DicomTags.PixelData]!).OpenValue());
        Assert.Equal(littlePixels.Length, bigPixels.Length);
        Assert.True(littlePixels.AsSpan().SequenceEqual(bigPixels), "pixel words were not swapped to little endian");
    }

    private static byte[] Body(bool explicitVR, bool little)
    {
        var item = new RawDicom(explicitVR, little)
            .Text(0x0008, 0x0100, "SH", "121327")
            .Text(0x0008, 0x0102, "SH", "DCM")
            .ToArray();
        var words = little ? new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 } : [0, 1, 0, 2, 0, 3, 0, 4];
        return new RawDicom(explicitVR, little)
            .Text(0x0008, 0x0005, "CS", "ISO_IR 100")
            .Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Text(0x0008, 0x0018, "UI", "2.25.42")
            .Element(0x0008, 0x9215, "SQ", [], 0xFFFFFFFF)
            .Marker(0xE000, (uint)item.Length).Raw(item)
            .Marker(0xE0DD)
            .Element(0x0010, 0x0010, "PN", System.Text.Encoding.Latin1.GetBytes("M\u00fcller^J\u00fcrgen "))
            .UShort(0x0028, 0x0010, 2)
            .UShort(0x0028, 0x0011, 2)
            .UShort(0x0028, 0x0100, 16)
            .Element(0x7FE0, 0x0010, "OW", words)
            .ToArray();
    }

    private static void AssertContent(DicomDataset dataset)
    {
        Assert.Equal("M\u00fcller^J\u00fcrgen", dataset.GetString(DicomTags.PatientName));
        Assert.Equal((ushort)2, dataset.GetUInt16(DicomTags.Rows));
        Assert.Equal(16, dataset.GetInt32(DicomTags.BitsAllocated));
        var item = Assert.Single(Assert.IsType<DicomSequence>(dataset[DicomTags.DerivationCodeSequence]).Items);
        Assert.Equal("DCM", item.GetString(DicomTags.CodingSchemeDesignator));
        Assert.Same(dataset, item.Parent);
        Assert.Equal(new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 }, ((DicomElement)dataset[DicomTags.PixelData]!).Bytes.ToArray());
    }
}
