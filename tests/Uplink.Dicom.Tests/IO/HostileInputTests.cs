using System.Diagnostics;
using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.IO;

/// <summary>Bad bytes give a DicomFormatException naming the offset and tag, in bounded time and memory.</summary>
public sealed class HostileInputTests
{
    private const string ExplicitLittle = "1.2.840.10008.1.2.1";

    [Fact]
    public void HostileFourGigabyteLength_FailsAtOnceNamingTagAndOffset()
    {
        var body = new RawDicom()
            .Text(0x0010, 0x0010, "PN", "Doe^Jane")
            .Element(0x7FE0, 0x0010, "OW", new byte[16], 0xFFFFFFF0)
            .ToArray();
        var bytes = RawDicom.Part10(ExplicitLittle, body);

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(bytes)));

        Assert.Equal(DicomTags.PixelData, error.Tag);
        Assert.Contains("Value length 4294967280 of (7FE0,0010) PixelData at byte", error.Message, StringComparison.Ordinal);
        Assert.Contains($"runs past the end of the file ({bytes.Length} bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes.Length - 16 - 12, error.Offset);
    }

    [Fact]
    public void TruncatedCorpusFile_ThreeGigabytePixelData_NamesTagAndOffset()
    {
        var path = Path.Combine(Corpus.RequireFolder(), "malformed/truncated_3gb_pixel_data.dcm");

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Open(path));

        Assert.Equal(DicomTags.PixelData, error.Tag);
        Assert.Matches(@"^Value length 3221225472 of \(7FE0,0010\) PixelData at byte \d+ runs past the end of the file \(100000 bytes\)\.$", error.Message);
    }

    [Fact]
    public void HundredThousandDeepSequences_FailInBoundedTimeWithoutStackOverflow()
    {
        var path = Path.Combine(Corpus.RequireFolder(), "malformed/deeply_nested_private_sequences.dcm");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Open(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("deeper than the limit of 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(new DicomTag(0x7777, 0x0001), error.Tag);
    }

    [Fact]
    public void DepthLimit_IsConfigurable()
    {
        var nested = new RawDicom();
        for (var i = 0; i < 5; i++)
        {
            nested.Element(0x0040, 0xA730, "SQ", [], 0xFFFFFFFF).Marker(0xE000, 0xFFFFFFFF);
        }

        for (var i = 0; i < 5; i++)
        {
            nested.Marker(0xE00D).Marker(0xE0DD);
        }

        var bytes = RawDicom.Part10(ExplicitLittle, nested.ToArray());

        Assert.NotNull(DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxSequenceDepth = 5 }));
        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxSequenceDepth = 4 }));
        Assert.Contains("nested 5 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MillionsOfTinyElements_AreRefusedAtTheItemLimit_NamingWhere()
    {
        var body = new RawDicom();
        for (var element = 0x1000; element < 0x1000 + 3000; element++)
        {
            body.Element(0x0009, (ushort)element, "UN", [], 0);
        }

        var bytes = RawDicom.Part10(ExplicitLittle, body.ToArray());

        Assert.NotNull(DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxItems = 3100 }));
        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxItems = 2000 }));
        Assert.Contains("holds more than 2000 elements, items and fragments (the limit)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0x0009, error.Tag!.Value.Group);
    }

    [Fact]
    public void SequenceItemsCountTowardsTheItemLimit()
    {
        var body = new RawDicom().Element(0x0040, 0xA730, "SQ", [], 0xFFFFFFFF);
        for (var i = 0; i < 500; i++)
        {
            body.Marker(0xE000, 0);
        }

        var bytes = RawDicom.Part10(ExplicitLittle, body.Marker(0xE0DD).ToArray());

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxItems = 400 }));
        Assert.Equal(new DicomTag(0x0040, 0xA730), error.Tag);
    }

    [Fact]
    public void SequenceDelimiterWhereItemDelimiterBelongs_IsRejected()
    {
        var body = new RawDicom()
            .Element(0x0008, 0x9215, "SQ", [], 0xFFFFFFFF)
            .Marker(0xE000, 0xFFFFFFFF)
            .Text(0x0008, 0x0100, "SH", "121327")
            .Marker(0xE0DD)
            .ToArray();

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(RawDicom.Part10(ExplicitLittle, body))));

        Assert.Contains("Unexpected (FFFE,E0DD) SequenceDelimitationItem", error.Message, StringComparison.Ordinal);
        Assert.Contains("Item Delimitation Item (FFFE,E00D) was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidVR_IsRejectedWithTheBytes()
    {
        var body = new RawDicom().Element(0x0010, 0x0010, "\u0020\u0020", "AB"u8).ToArray();

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(RawDicom.Part10(ExplicitLittle, body))));

        Assert.Contains("invalid VR (bytes 0x20 0x20)", error.Message, StringComparison.Ordinal);
        Assert.Equal(DicomTags.PatientName, error.Tag);
    }

    [Fact]
    public void ItemRunningPastItsSequence_IsRejected()
    {
        var item = new RawDicom().Text(0x0008, 0x0100, "SH", "121327").ToArray();
        var body = new RawDicom()
            .Element(0x0008, 0x9215, "SQ", [], (uint)(item.Length + 4))
            .Marker(0xE000, (uint)item.Length).Raw(item)
            .Text(0x0010, 0x0010, "PN", "Doe^Jane")
            .ToArray();

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(RawDicom.Part10(ExplicitLittle, body))));

        Assert.Contains("runs past the end of its sequence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementsOutOfOrder_AreRejected()
    {
        var body = new RawDicom().Text(0x0010, 0x0020, "LO", "ID").Text(0x0010, 0x0010, "PN", "Doe").ToArray();

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Read(new MemoryStream(RawDicom.Part10(ExplicitLittle, body))));

        Assert.Contains("(0010,0010) PatientName at byte", error.Message, StringComparison.Ordinal);
        Assert.Contains("follows (0010,0020): elements are not in ascending tag order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationOfAValidFile_FailsWithDicomFormatExceptionOrParses()
    {
        var folder = Corpus.RequireFolder();
        var bytes = File.ReadAllBytes(Path.Combine(folder, "transfer-syntax/deflated_explicit_vr_le_with_sq.dcm"));
        var small = File.ReadAllBytes(Path.Combine(folder, "structure/private_sq_empty_items.dcm"));
        var failures = 0;

        foreach (var source in new[] { bytes, small })
        {
            for (var length = 0; length < source.Length; length++)
            {
                try
                {
                    DicomFile.Read(new MemoryStream(source, 0, length));
                }
                catch (DicomFormatException)
                {
                    failures++;
                }
            }
        }

        Assert.True(failures > bytes.Length / 2, $"only {failures} truncations were rejected");
    }
}
