namespace Uplink.Dicom.Tests;

public sealed class DicomDatasetTests
{
    [Fact]
    public void AddOrUpdate_KeepsItemsInTagOrderAndReplacesSameTag()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "B");
        dataset.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe^Jane");
        dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "C");

        Assert.Equal([DicomTags.Modality, DicomTags.PatientName, DicomTags.PatientID], dataset.Select(i => i.Tag));
        Assert.Equal("C", dataset.GetString(DicomTags.PatientID));
        Assert.Equal(3, dataset.Count);
    }

    [Fact]
    public void Remove_DropsTheItemAndSaysWhetherItWasThere()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe^Jane");

        Assert.True(dataset.Remove(DicomTags.PatientName));
        Assert.False(dataset.Remove(DicomTags.PatientName));
        Assert.False(dataset.Contains(DicomTags.PatientName));
        Assert.Null(dataset[DicomTags.PatientName]);
    }

    [Theory]
    [InlineData("US", "512", new byte[] { 0x00, 0x02 })]
    [InlineData("SS", "-2", new byte[] { 0xFE, 0xFF })]
    [InlineData("UL", "1\\65536", new byte[] { 1, 0, 0, 0, 0, 0, 1, 0 })]
    [InlineData("FL", "1.5", new byte[] { 0, 0, 0xC0, 0x3F })]
    [InlineData("AT", "(0010,0020)", new byte[] { 0x10, 0, 0x20, 0 })]
    [InlineData("DS", "1.5\\2", new byte[] { (byte)'1', (byte)'.', (byte)'5', (byte)'\\', (byte)'2' })]
    [InlineData("LO", "", new byte[0])]
    public void AddOrUpdate_FromText_EncodesNumbersLittleEndianAndTextAsIs(string vr, string text, byte[] expected)
    {
        var dataset = new DicomDataset();
        var tag = new DicomTag(0x0011, 0x1001);

        dataset.AddOrUpdate(tag, Enum.Parse<DicomVR>(vr), text);

        Assert.Equal(expected, ((DicomElement)dataset[tag]!).Bytes.ToArray());
        Assert.Equal(text, dataset.GetString(tag));
    }

    [Fact]
    public void AddOrUpdate_FromText_RejectsBinaryVRs()
    {
        var error = Assert.Throws<ArgumentException>(() => new DicomDataset().AddOrUpdate(DicomTags.PixelData, DicomVR.OB, "1"));

        Assert.Contains("FromBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetString_TrimsPaddingOfEachValue_AndGetStringsSplits()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY "u8.ToArray()));
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3\0"u8.ToArray()));
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.ImageComments, DicomVR.LT, "a\\b  "u8.ToArray()));

        Assert.Equal("ORIGINAL\\PRIMARY", dataset.GetString(DicomTags.ImageType));
        Assert.Equal(["ORIGINAL", "PRIMARY"], dataset.GetStrings(DicomTags.ImageType));
        Assert.Equal("1.2.3", dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal(["a\\b"], dataset.GetStrings(DicomTags.ImageComments));
        Assert.Empty(dataset.GetStrings(DicomTags.PatientName));
        Assert.Null(dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void GetInt32_ReadsIntegerStringsAndBinaryIntegers()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, " 87 ");
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "480");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe");

        Assert.Equal(87, dataset.GetInt32(DicomTags.NumberOfFrames));
        Assert.Equal((ushort)480, dataset.GetUInt16(DicomTags.Rows));
        Assert.Null(dataset.GetInt32(DicomTags.PatientName));
        Assert.Null(dataset.GetUInt16(DicomTags.Columns));
    }

    [Fact]
    public void SequenceItems_InheritTheParentCharacterSetUnlessTheyHaveTheirOwn()
    {
        var parent = new DicomDataset();
        parent.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        var inherits = new DicomDataset();
        var own = new DicomDataset();
        own.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        parent.AddOrUpdate(new DicomSequence(DicomTags.ReferencedStudySequence, [inherits, own]));

        inherits.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Jérôme");
        own.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Jérôme");

        Assert.Same(parent, inherits.Parent);
        Assert.Equal("ISO_IR 100", inherits.SpecificCharacterSet);
        Assert.Equal(6, ((DicomElement)inherits[DicomTags.PatientName]!).Length);
        Assert.Equal(8, ((DicomElement)own[DicomTags.PatientName]!).Length);
        Assert.Equal("Jérôme", own.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Clone_CopiesSequencesDeeply()
    {
        var dataset = new DicomDataset();
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.CodeValue, DicomVR.SH, "1");
        dataset.AddOrUpdate(new DicomSequence(DicomTags.DerivationCodeSequence, [item]));

        var copy = dataset.Clone();
        ((DicomSequence)copy[DicomTags.DerivationCodeSequence]!).Items[0].AddOrUpdate(DicomTags.CodeValue, DicomVR.SH, "2");

        Assert.Equal("1", item.GetString(DicomTags.CodeValue));
        Assert.Null(copy.Parent);
        Assert.Same(copy, ((DicomSequence)copy[DicomTags.DerivationCodeSequence]!).Items[0].Parent);
    }

    [Fact]
    public void BulkElement_BytesThrowsButOpenValueStreams()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [9, 8, 7, 6, 5]);
            var element = DicomElement.FromBulk(DicomTags.PixelData, DicomVR.OB, new BulkDataReference(path, 1, 3));

            Assert.True(element.IsBulk);
            Assert.Throws<InvalidOperationException>(() => element.Bytes);
            using var value = element.OpenValue();
            var buffer = new byte[8];
            Assert.Equal(3, value.ReadAtLeast(buffer, 8, throwOnEndOfStream: false));
            Assert.Equal(new byte[] { 8, 7, 6 }, buffer[..3]);
            Assert.Equal(3, element.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BulkDataReference_SliceAndBigEndianSwap()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 0, 1, 2, 3, 4, 5, 6]);
            var reference = new BulkDataReference(path, 2, 6, byteSwapUnit: 2);

            var slice = reference.Slice(2, 4);

            Assert.Equal(4, slice.Offset);
            using var stream = slice.OpenRead();
            var bytes = new byte[4];
            stream.ReadExactly(bytes);
            Assert.Equal(new byte[] { 4, 3, 6, 5 }, bytes);
            Assert.Throws<ArgumentOutOfRangeException>(() => reference.Slice(4, 4));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
