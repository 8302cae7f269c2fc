using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Bench.Dicom;

/// <summary>Writes a synthetic 8-bit multi-frame ultrasound clip of 1024 x 1024 frames, pixel data streamed from a generator file.</summary>
internal static class ClipWriter
{
    private const int Side = 1024;

    public static void Write(string path, int frames)
    {
        var raw = path + ".pixels";
        using (var pixels = new FileStream(raw, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var frame = new byte[Side * Side];
            for (var f = 0; f < frames; f++)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = (byte)((i * 7) + f);
                }

                pixels.Write(frame);
            }
        }

        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.987654321");
        dataset.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Bench^Clip");
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, "1");
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "1024");
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "1024");
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        dataset.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        dataset.AddOrUpdate(DicomElement.FromBulk(DicomTags.PixelData, DicomVR.OB, new BulkDataReference(raw, 0, (long)frames * Side * Side)));
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        File.Delete(raw);
    }
}
