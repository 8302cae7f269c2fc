namespace Uplink.Dicom.Tests;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Lookup_FindsGeneratedEntries()
    {
        var entry = DicomDictionary.Lookup(DicomTags.PatientName);

        Assert.Equal(new DicomDictionaryEntry(new DicomTag(0x0010, 0x0010), DicomVR.PN, "1", "PatientName", "Patient's Name", false), entry);
        Assert.Equal(DicomVR.SQ, DicomDictionary.Lookup(DicomTags.SequenceOfUltrasoundRegions)!.VR);
    }

    [Fact]
    public void Lookup_HandlesRepeatingGroups_AndTakesTheFirstOfSeveralVRs()
    {
        var overlay = DicomDictionary.Lookup(new DicomTag(0x6002, 0x3000));

        Assert.Equal("OverlayData", overlay!.Keyword);
        Assert.Equal(DicomVR.OB, overlay.VR);
        Assert.Equal(DicomVR.US, DicomDictionary.Lookup(DicomTags.SmallestImagePixelValue)!.VR);
    }

    [Fact]
    public void Lookup_ReturnsNullForPrivateAndUnknownTags()
    {
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x0029, 0x1010)));
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x0010, 0x0011)));
    }

    [Fact]
    public void LookupKeyword_FindsRetiredEntriesToo()
    {
        var entry = DicomDictionary.LookupKeyword("PatientName");

        Assert.Equal(DicomTags.PatientName, entry!.Tag);
        Assert.True(DicomDictionary.LookupKeyword("OverlayData") is { IsRetired: false });
        Assert.Null(DicomDictionary.LookupKeyword("NoSuchKeyword"));
    }
}
