using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Plugins.Tests.Support;

/// <summary>Writes a native Explicit VR Little Endian US multi-frame RGB clip of any size with the codec; pixel bytes are frame-numbered.</summary>
internal static class SyntheticClip
{
    public const string UltrasoundMultiframe = "1.2.840.10008.5.1.4.1.1.3.1";

    public static string Write(string path, string sopInstanceUid, int frames, int rows = 480, int columns = 640)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, UltrasoundMultiframe);
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid);
        dataset.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "ANONYMOUS");
        dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "000000");
        dataset.AddOrUpdate(DicomTags.FrameTime, DicomVR.DS, "33.3");
        dataset.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "2.25.31");
        dataset.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "2.25.32");
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, "3");
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        dataset.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, "0");
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.FrameIncrementPointer, DicomVR.AT, "(0018,1063)");
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, rows.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, columns.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        dataset.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        var pixels = path + ".pixels";
        var frameBytes = rows * columns * 3;
        using (var raw = File.Create(pixels))
        {
            var frame = new byte[frameBytes];
            for (var f = 0; f < frames; f++)
            {
                Array.Fill(frame, (byte)f);
                raw.Write(frame);
            }
        }

        dataset.AddOrUpdate(DicomElement.FromBulk(DicomTags.PixelData, DicomVR.OB, new BulkDataReference(pixels, 0, (long)frameBytes * frames)));
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        File.Delete(pixels);
        return path;
    }
}
