using Uplink.Dicom;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Anonymize;
using Uplink.Host.Commands.Profiles;

namespace Uplink.Host.Tests.Commands.Anonymize;

/// <summary>Input folders for the anonymize verb, and the built profile plugins it loads.</summary>
internal sealed class AnonymizeFixtures : IDisposable
{
    public const string Name = "Verbplant^Vera";

    public AnonymizeFixtures()
    {
        Folder = Directory.CreateTempSubdirectory("uplink-anonymize-").FullName;
        Inputs = Path.Combine(Folder, "exam");
        Output = Path.Combine(Folder, "out");
        Directory.CreateDirectory(Path.Combine(Inputs, "series1"));
    }

    public string Folder { get; }

    public string Inputs { get; }

    public string Output { get; }

    /// <summary>The folder the host build publishes the bundled plugins to, or a skip when it was not built.</summary>
    public static string PluginsFolder()
    {
        var folder = Uplink.Host.Tests.Plugins.PluginSandbox.BundledPluginsFolder;
        if (!File.Exists(Path.Combine(folder, "Uplink.Profiles.Builtin", "Uplink.Profiles.Builtin.dll")))
        {
            Assert.Skip($"the bundled profile plugin was not built into {folder}");
        }

        return folder;
    }

    /// <summary>The profile catalog trusting the host build's bundled lists (<c>bundled-plugins/</c> beside its <c>plugins/</c>).</summary>
    public static ProfileCatalog Catalog() =>
        new(Path.Combine(Path.GetDirectoryName(PluginsFolder())!, "bundled-plugins"), TimeProvider.System);

    /// <summary>Writes a 2x2 image whose top row is its banner, below which its region (when it has one) locates the image.</summary>
    public string Ultrasound(string relative, string sopClass = "1.2.840.10008.5.1.4.1.1.6.1", string? burnedIn = null, bool withRegion = true)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, sopClass);
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.8" + relative.Length);
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.8000");
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.8001");
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, Name);
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "VERB-PID-77");
        if (burnedIn is not null)
        {
            ds.AddOrUpdate(DicomTags.BurnedInAnnotation, DicomVR.CS, burnedIn);
        }

        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, "2");
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, "2");
        ds.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, "1");
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        ds.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[] { 9, 8, 7, 6 }));
        var region = new DicomDataset();
        region.AddOrUpdate(DicomTags.RegionSpatialFormat, DicomVR.US, "1");
        region.AddOrUpdate(DicomTags.RegionLocationMinX0, DicomVR.UL, "0");
        region.AddOrUpdate(DicomTags.RegionLocationMinY0, DicomVR.UL, "1");
        region.AddOrUpdate(DicomTags.RegionLocationMaxX1, DicomVR.UL, "1");
        region.AddOrUpdate(DicomTags.RegionLocationMaxY1, DicomVR.UL, "1");
        if (withRegion)
        {
            ds.AddOrUpdate(new DicomSequence(DicomTags.SequenceOfUltrasoundRegions, [region]));
        }

        var path = Path.Combine(Inputs, relative);
        new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
