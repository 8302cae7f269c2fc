using System.Globalization;
using System.Security.Cryptography;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Rendering;

namespace Uplink.Host.Demo;

/// <summary>
/// Writes a small ultrasound exam with the Uplink.Dicom API: a single-frame image, a multi-frame clip
/// with cine timing and ultrasound regions, both with planted patient data (names, IDs, address,
/// phone, institution, operators) and private tags, plus a non-DICOM note that a strict profile discards.
/// </summary>
internal static class DemoExamGenerator
{
    private const string UsImage = "1.2.840.10008.5.1.4.1.1.6.1";
    private const string UsMultiFrame = "1.2.840.10008.5.1.4.1.1.3.1";
    private const string UidRoot = "1.2.826.0.1.3680043.8.498.";

    /// <summary>Writes the exam into a folder.</summary>
    /// <param name="folder">ViewPoint's image store (created).</param>
    /// <param name="frames">Frames in the clip.</param>
    /// <returns>The exam's files.</returns>
    public static IReadOnlyList<DemoImage> Write(string folder, int frames = 24)
    {
        Directory.CreateDirectory(folder);
        var study = NewUid();
        var image = Path.Combine(folder, "US-0001.dcm");
        Build(UsImage, study, NewUid(), 1, 1, rgb: true).Save(image);
        var clip = Path.Combine(folder, "US-0002.dcm");
        Build(UsMultiFrame, study, NewUid(), 2, frames, rgb: false).Save(clip);
        var note = Path.Combine(folder, "US-0003.dcm");
        File.WriteAllText(note, $"Sonographer's note for {DemoPatient.Name} ({DemoPatient.Id}): see clip 2.\n");
        return
        [
            new("US-0001", image, "single-frame US image (RGB)"),
            new("US-0002", clip, $"multi-frame US clip, {frames} frames"),
            new("US-0003", note, "non-DICOM note"),
        ];
    }

    /// <summary>Writes one exam of <paramref name="count"/> images, alternating single-frame RGB images and multi-frame clips.</summary>
    /// <param name="folder">ViewPoint's image store (created).</param>
    /// <param name="idPrefix">The image ids' prefix: ids are <c>{prefix}-001</c>, <c>{prefix}-002</c>, ...</param>
    /// <param name="count">How many images.</param>
    /// <param name="frames">Frames in each clip.</param>
    /// <returns>The exam's files.</returns>
    public static IReadOnlyList<DemoImage> WriteSeries(string folder, string idPrefix, int count, int frames)
    {
        Directory.CreateDirectory(folder);
        var study = NewUid();
        var series = NewUid();
        var images = new List<DemoImage>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{i:D3}");
            var path = Path.Combine(folder, id + ".dcm");
            var clip = i % 2 == 0;
            Build(clip ? UsMultiFrame : UsImage, study, series, i, clip ? frames : 1, rgb: !clip).Save(path);
            images.Add(new DemoImage(id, path, clip ? $"multi-frame US clip, {frames} frames" : "single-frame US image (RGB)"));
        }

        return images;
    }

    /// <summary>A new UID under the demo root (random, like a modality's).</summary>
    /// <returns>The UID.</returns>
    public static string NewUid() =>
        UidRoot + new System.Numerics.BigInteger(RandomNumberGenerator.GetBytes(12), isUnsigned: true).ToString(CultureInfo.InvariantCulture);

    private static DicomFile Build(string sopClass, string study, string series, int number, int frames, bool rgb)
    {
        var d = new DicomDataset();
        d.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        d.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY\\ABDOMINAL");
        d.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, sopClass);
        d.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, NewUid());
        d.AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, "20261125");
        d.AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, "101502.25");
        d.AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, "ACC-778899");
        d.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        d.AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, "GE Healthcare");
        d.AddOrUpdate(DicomTags.InstitutionName, DicomVR.LO, "Demo Women's Clinic");
        d.AddOrUpdate(DicomTags.InstitutionAddress, DicomVR.ST, "1 Example Street, Springfield");
        d.AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, "HOUSE^GREGORY");
        d.AddOrUpdate(DicomTags.StationName, DicomVR.SH, "VOLUSON-E10-07");
        d.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "OB 2nd trimester, DOE");
        d.AddOrUpdate(DicomTags.OperatorsName, DicomVR.PN, "SONO^SARA");
        d.AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, "Voluson E10");
        d.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, DemoPatient.Name);
        d.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, DemoPatient.Id);
        d.AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, DemoPatient.BirthDate);
        d.AddOrUpdate(DicomTags.PatientSex, DicomVR.CS, "F");
        d.AddOrUpdate(DicomTags.PatientAge, DicomVR.AS, "033Y");
        d.AddOrUpdate(DicomTags.PatientWeight, DicomVR.DS, "68");
        d.AddOrUpdate(DicomTags.PatientAddress, DicomVR.LO, "12 Demo Road, Springfield");
        d.AddOrUpdate(DicomTags.PatientTelephoneNumbers, DicomVR.SH, "+46 70 999 88 77");
        d.AddOrUpdate(DicomTags.DeviceSerialNumber, DicomVR.LO, "SN-E10-0042");
        d.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study);
        d.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, series);
        d.AddOrUpdate(DicomTags.StudyID, DicomVR.SH, "ST4471");
        d.AddOrUpdate(DicomTags.SeriesNumber, DicomVR.IS, number.ToString(CultureInfo.InvariantCulture));
        d.AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, "1");
        d.AddOrUpdate(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        d.AddOrUpdate(new DicomSequence(DicomTags.SequenceOfUltrasoundRegions, [Region()]));
        AddPrivate(d);
        AddPixels(d, frames, rgb);
        return new DicomFile(d, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static DicomDataset Region()
    {
        var r = new DicomDataset();
        r.AddOrUpdate(DicomTags.RegionSpatialFormat, DicomVR.US, "1");
        r.AddOrUpdate(DicomTags.RegionDataType, DicomVR.US, "1");
        r.AddOrUpdate(DicomTags.RegionFlags, DicomVR.UL, "0");
        r.AddOrUpdate(DicomTags.RegionLocationMinX0, DicomVR.UL, "0");
        r.AddOrUpdate(DicomTags.RegionLocationMinY0, DicomVR.UL, BannerRows.ToString(CultureInfo.InvariantCulture));
        r.AddOrUpdate(DicomTags.RegionLocationMaxX1, DicomVR.UL, "319");
        r.AddOrUpdate(DicomTags.RegionLocationMaxY1, DicomVR.UL, "239");
        r.AddOrUpdate(DicomTags.PhysicalUnitsXDirection, DicomVR.US, "3");
        r.AddOrUpdate(DicomTags.PhysicalUnitsYDirection, DicomVR.US, "3");
        r.AddOrUpdate(DicomTags.PhysicalDeltaX, DicomVR.FD, "0.025");
        r.AddOrUpdate(DicomTags.PhysicalDeltaY, DicomVR.FD, "0.025");
        return r;
    }

    private static void AddPrivate(DicomDataset d)
    {
        d.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "UPLINK DEMO");
        d.AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.LO, DemoPatient.Email);
        d.AddOrUpdate(new DicomTag(0x0009, 0x1002), DicomVR.LO, $"Planted note about {DemoPatient.Name}");
        d.AddOrUpdate(new DicomTag(0x6301, 0x0010), DicomVR.LO, "KRETZ_US");
        d.AddOrUpdate(new DicomTag(0x6301, 0x1001), DicomVR.LO, DemoPatient.Phone);
    }

    /// <summary>The device's banner above the image, as ultrasound machines burn it in: name, ID, birth date, clinic.</summary>
    private static readonly string[] Banner =
    [
        $"{DemoPatient.Name} {DemoPatient.BirthDate[..4]}-{DemoPatient.BirthDate[4..6]}-{DemoPatient.BirthDate[6..]}",
        $"{DemoPatient.Id} DEMO CLINIC",
    ];

    /// <summary>Rows of the banner; the Sequence of Ultrasound Regions places the image below it.</summary>
    private const int BannerRows = 32;

    private static void AddPixels(DicomDataset d, int frames, bool rgb)
    {
        const int rows = 240;
        const int columns = 320;
        var banner = new byte[columns * BannerRows];
        for (var line = 0; line < Banner.Length; line++)
        {
            BitmapFont.DrawGray(banner, columns, BannerRows, Banner[line], 4, 1 + (line * 16), 2, 230);
        }

        var samples = rgb ? 3 : 1;
        d.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, samples.ToString(CultureInfo.InvariantCulture));
        d.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, rgb ? "RGB" : "MONOCHROME2");
        if (rgb)
        {
            d.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, "0");
        }

        if (frames > 1)
        {
            d.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
            d.AddOrUpdate(DicomTags.FrameTime, DicomVR.DS, "33.3");
            d.AddOrUpdate(DicomTags.FrameIncrementPointer, DicomVR.AT, "(0018,1063)");
            d.AddOrUpdate(DicomTags.CineRate, DicomVR.IS, "30");
            d.AddOrUpdate(DicomTags.RecommendedDisplayFrameRate, DicomVR.IS, "30");
        }

        d.AddOrUpdate(DicomTags.Rows, DicomVR.US, rows.ToString(CultureInfo.InvariantCulture));
        d.AddOrUpdate(DicomTags.Columns, DicomVR.US, columns.ToString(CultureInfo.InvariantCulture));
        d.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        d.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        d.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        d.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        var pixels = new byte[rows * columns * samples * frames];
        for (var f = 0; f < frames; f++)
        {
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < columns; x++)
                {
                    var dx = x - (columns / 2);
                    var value = y < BannerRows
                        ? banner[(y * columns) + x]
                        : (byte)(Math.Abs(dx) < y - BannerRows ? ((x * 3) + (y * 5) + (f * 11)) & 0xFF : 0);
                    var at = ((((f * rows) + y) * columns) + x) * samples;
                    pixels.AsSpan(at, samples).Fill(value);
                }
            }
        }

        d.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, pixels));
    }
}
