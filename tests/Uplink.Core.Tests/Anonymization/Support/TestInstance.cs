using Uplink.Dicom;

namespace Uplink.Core.Tests.Anonymization.Support;

/// <summary>A small ultrasound instance with a name, an ID and a private tag, written to a temporary folder.</summary>
internal sealed class TestInstance : IDisposable
{
    public const string Name = "Testplant^Tina";
    public const string PatientId = "TPID-1234";

    public TestInstance()
    {
        Folder = Directory.CreateTempSubdirectory("uplink-core-").FullName;
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.9001");
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.9002");
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, Name);
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, PatientId);
        ds.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "TEST PRIVATE");
        ds.AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.LO, "private value");
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, "2");
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, "2");
        ds.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, "1");
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        ds.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[] { 1, 2, 3, 4 }));
        SourcePath = Path.Combine(Folder, "source.dcm");
        new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(SourcePath);
        OutputPath = Path.Combine(Folder, "out", "output.dcm");
    }

    public string Folder { get; }

    public string SourcePath { get; }

    public string OutputPath { get; }

    /// <summary>Files left in the output folder, temporary ones included.</summary>
    public string[] OutputFolderFiles => Directory.Exists(Path.GetDirectoryName(OutputPath)) ? Directory.GetFiles(Path.GetDirectoryName(OutputPath)!) : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
