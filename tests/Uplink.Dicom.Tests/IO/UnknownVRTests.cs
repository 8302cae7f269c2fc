using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.IO;

/// <summary>UN values: sequences inside them are Implicit VR LE (PS3.5 6.2.2, CP-246); known tags get their dictionary VR.</summary>
public sealed class UnknownVRTests
{
    [Fact]
    public void UnOfUndefinedLength_HoldingAnImplicitSequence_ReadsAsSequenceAndWritesAsSQ()
    {
        var item = new RawDicom(explicitVR: false).Text(0x0008, 0x0100, "SH", "113691").ToArray();
        var body = new RawDicom()
            .Element(0x0018, 0x9346, "UN", [], 0xFFFFFFFF)
            .Raw(new RawDicom(explicitVR: false).Marker(0xE000, 0xFFFFFFFF).Raw(item).Marker(0xE00D).Marker(0xE0DD).ToArray())
            .Text(0x0020, 0x0013, "IS", "1")
            .ToArray();

        var file = DicomFile.Read(new MemoryStream(RawDicom.Part10("1.2.840.10008.1.2.1", body)));
        var written = new MemoryStream();
        file.WriteTo(written);
        written.Position = 0;
        var reread = DicomFile.Read(written);

        foreach (var dataset in new[] { file.Dataset, reread.Dataset })
        {
            var sequence = Assert.IsType<DicomSequence>(dataset[DicomTags.CTDIPhantomTypeCodeSequence]);
            Assert.Equal("113691", Assert.Single(sequence.Items).GetString(DicomTags.CodeValue));
            Assert.Equal("1", dataset.GetString(DicomTags.InstanceNumber));
        }
    }

    [Fact]
    public void UnOfAKnownTag_TakesTheDictionaryVR_AndPrivateUnStaysUn()
    {
        var body = new RawDicom()
            .Element(0x0010, 0x0010, "UN", "Doe^Jane"u8)
            .Element(0x0029, 0x0010, "UN", "ACME 1.0"u8)
            .Element(0x0029, 0x1001, "UN", [1, 2, 3, 4])
            .ToArray();

        var dataset = DicomFile.Read(new MemoryStream(RawDicom.Part10("1.2.840.10008.1.2.1", body))).Dataset;

        Assert.Equal(DicomVR.PN, dataset[DicomTags.PatientName]!.VR);
        Assert.Equal("Doe^Jane", dataset.GetString(DicomTags.PatientName));
        Assert.Equal(DicomVR.LO, dataset[new DicomTag(0x0029, 0x0010)]!.VR);
        Assert.Equal(DicomVR.UN, dataset[new DicomTag(0x0029, 0x1001)]!.VR);
        Assert.Equal("ACME 1.0", dataset.GetPrivateCreator(new DicomTag(0x0029, 0x1001)));
    }

    [Fact]
    public void ImplicitPrivateElements_AreUnAndCreatorsAreLO()
    {
        var body = new RawDicom(explicitVR: false)
            .Text(0x0009, 0x0010, "LO", "GEMS_IDEN_01")
            .Element(0x0009, 0x1001, "UN", "abcd"u8)
            .Text(0x0010, 0x0010, "PN", "Doe^Jane")
            .ToArray();

        var dataset = DicomFile.Read(new MemoryStream(RawDicom.Part10("1.2.840.10008.1.2", body))).Dataset;

        Assert.Equal(DicomVR.PN, dataset[DicomTags.PatientName]!.VR);
        Assert.Equal(DicomVR.LO, dataset[new DicomTag(0x0009, 0x0010)]!.VR);
        Assert.Equal(DicomVR.UN, dataset[new DicomTag(0x0009, 0x1001)]!.VR);
        Assert.Equal("GEMS_IDEN_01", dataset.GetPrivateCreator(new DicomTag(0x0009, 0x1001)));
    }
}
