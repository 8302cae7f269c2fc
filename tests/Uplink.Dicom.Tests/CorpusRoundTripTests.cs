using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests;

/// <summary>Every corpus file marked valid reads, writes and reads back the same; every malformed one is rejected.</summary>
public sealed class CorpusRoundTripTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("uplink-dicom-corpus-").FullName;

    public static TheoryData<string> ValidFiles => Corpus.Paths("valid");

    public static TheoryData<string> MalformedFiles => Without(Corpus.Paths("malformed"), LegitimatelyReadable.Keys);

    /// <summary>Files the manifest calls malformed that a strict reader should still accept, and why.</summary>
    public static IReadOnlyDictionary<string, string> LegitimatelyReadable { get; } = new Dictionary<string, string>
    {
        // (0018,9346) CTDIPhantomTypeCodeSequence is stored as UN of defined length holding an Implicit VR LE
        // sequence. PS3.5 6.2.2 (CP-246) allows exactly that; dcmdump reads it too. pydicom 2.3 failed on it,
        // hence the manifest's label. Uplink reads it as the SQ the dictionary names.
        ["malformed/implicit_sequence_in_un.dcm"] = "UN holding an implicit VR sequence is allowed by CP-246",
    };

    public static TheoryData<string> LegitimatelyReadableFiles => [.. LegitimatelyReadable.Keys];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidFile_RoundTripsWithSameElementsAndPixelBytes(string relative)
    {
        var source = Path.Combine(Corpus.RequireFolder(), relative);
        var original = DicomFile.Open(source);
        var written = Path.Combine(_temp, Path.GetFileName(relative));

        original.Save(written);
        var reread = DicomFile.Open(written);

        Assert.Equal(original.OutputTransferSyntax.Uid, reread.TransferSyntax.Uid);
        DatasetAssert.Equivalent(original.Dataset, reread.Dataset);
        Assert.True(reread.HadPreamble);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidFile_RewrittenCopyParsesInDcmdumpWithTheSameElementCount(string relative)
    {
        Dcmdump.Require();
        var source = Path.Combine(Corpus.RequireFolder(), relative);
        var written = Path.Combine(_temp, Path.GetFileName(relative));
        var original = DicomFile.Open(source);
        original.Save(written);

        var (exitCode, output) = Dcmdump.Run("-q", "+E", written);

        Assert.True(exitCode == 0, $"dcmdump failed on the rewritten {relative}: {output}");
        Assert.DoesNotContain("E: ", output, StringComparison.Ordinal);
        var topLevel = output.Split('\n').Count(l => l.StartsWith('(') && !l.StartsWith("(0002,", StringComparison.Ordinal) && !l.StartsWith("(fffe,", StringComparison.Ordinal));
        Assert.Equal(original.Dataset.Count(i => i.Tag.Element != 0), topLevel);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void MalformedFile_FailsWithDicomFormatExceptionNamingTheOffset(string relative)
    {
        var source = Path.Combine(Corpus.RequireFolder(), relative);

        var error = Assert.Throws<DicomFormatException>(() => DicomFile.Open(source));

        Assert.True(error.Offset >= 0, $"no offset in: {error.Message}");
        Assert.Contains("byte", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LegitimatelyReadableFiles))]
    public void MalformedInManifestButLegal_ReadsAndRoundTrips(string relative)
    {
        var source = Path.Combine(Corpus.RequireFolder(), relative);
        var original = DicomFile.Open(source);
        var written = Path.Combine(_temp, Path.GetFileName(relative));

        original.Save(written);

        DatasetAssert.Equivalent(original.Dataset, DicomFile.Open(written).Dataset);
    }

    [Fact]
    public void UnHoldingAnImplicitSequence_IsReadAsTheDictionarySequence()
    {
        var source = Path.Combine(Corpus.RequireFolder(), "malformed/implicit_sequence_in_un.dcm");

        var file = DicomFile.Open(source);

        var sequence = Assert.IsType<DicomSequence>(file.Dataset[DicomTags.CTDIPhantomTypeCodeSequence]);
        Assert.Equal("113691", Assert.Single(sequence.Items).GetString(DicomTags.CodeValue));
    }

    private static TheoryData<string> Without(TheoryData<string> data, IEnumerable<string> excluded)
    {
        var result = new TheoryData<string>();
        foreach (var row in data)
        {
            var path = row.Data;
            if (!excluded.Contains(path))
            {
                result.Add(path);
            }
        }

        return result;
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
