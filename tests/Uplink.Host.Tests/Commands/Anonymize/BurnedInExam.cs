using System.Globalization;
using BitMiracle.LibJpeg.Classic;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Rendering;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Host.Tests.Commands.Anonymize;

/// <summary>
/// Ultrasound images the way a GE Voluson writes them (975 x 735, the patient's banner above row 74, the image
/// below), with the patient's name, ID and birth date burned into the pixels in several sizes, styles and places,
/// encoded natively, as RLE and as JPEG Baseline (encoded by LibJpeg.NET, not by Uplink) with 4:2:2 or 4:2:0
/// chroma, with and without restart intervals; with regions, with only the shipped device rule, or with neither.
/// </summary>
public static class BurnedInExam
{
    public const int Columns = 975;
    public const int Rows = 735;
    public const int BannerBottom = 73;

    private static long s_instances;

    /// <summary>What the image keeps: the region the Voluson declares, also the shipped rule for the model.</summary>
    public static readonly PixelRectangle ImageArea = new(1, 74, 959, 734);

    /// <summary>Words of the planted identity that the OCR oracle looks for.</summary>
    public static readonly string[] PlantedWords = ["DOE", "JANE", "4471", "1993"];

    public enum Encoding
    {
        NativeGray,
        NativeRgb,
        Rle,
        Jpeg422,
        Jpeg420,
        Jpeg422Restart,
        JpegGray,
    }

    public enum Area
    {
        Regions,
        DeviceRuleOnly,
        Unknown,
    }

    public static string Write(string path, Encoding encoding, Area area, int frames)
    {
        var color = encoding is not (Encoding.NativeGray or Encoding.JpegGray);
        var samples = color ? 3 : 1;
        var pixels = Enumerable.Range(0, frames).Select(f => Frame(f, samples)).ToList();
        var dataset = Header(area, frames);
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, samples.ToString(CultureInfo.InvariantCulture));
        if (color)
        {
            dataset.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, "0");
        }

        DicomTransferSyntax syntax;
        switch (encoding)
        {
            case Encoding.NativeGray or Encoding.NativeRgb:
                dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, color ? "RGB" : "MONOCHROME2");
                dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, pixels.SelectMany(p => p).ToArray()));
                syntax = DicomTransferSyntax.ExplicitVRLittleEndian;
                break;
            case Encoding.Rle:
                dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
                var geometry = ImageGeometry.FromDataset(dataset);
                dataset.AddOrUpdate(Fragments(pixels.Select(p =>
                {
                    var encoded = new System.Buffers.ArrayBufferWriter<byte>();
                    RleCodec.Encode(p, geometry, encoded);
                    return encoded.WrittenSpan.ToArray();
                })));
                syntax = DicomTransferSyntax.RleLossless;
                break;
            default:
                dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, color ? "YBR_FULL_422" : "MONOCHROME2");
                dataset.AddOrUpdate(DicomTags.LossyImageCompression, DicomVR.CS, "01");
                var (h, v, restart) = encoding switch
                {
                    Encoding.Jpeg420 => (2, 2, 0),
                    Encoding.Jpeg422Restart => (2, 1, 7),
                    _ => (2, 1, 0),
                };
                dataset.AddOrUpdate(Fragments(pixels.Select(p => Jpeg(p, samples, h, v, restart))));
                syntax = DicomTransferSyntax.JpegBaseline;
                break;
        }

        new DicomFile(dataset, syntax).Save(path);
        return path;
    }

    /// <summary>An ultrasound-like frame: a textured fan in the image area, and burned-in identity outside it.</summary>
    private static byte[] Frame(int index, int samples)
    {
        var gray = new byte[Columns * Rows];
        for (var y = ImageArea.Y0 + 10; y <= ImageArea.Y1; y++)
        {
            for (var x = ImageArea.X0; x <= ImageArea.X1; x++)
            {
                var dx = Math.Abs(x - 480);
                if (dx < (y - ImageArea.Y0) * 0.8)
                {
                    gray[(y * Columns) + x] = (byte)(60 + ((x * 7) + (y * 3) + (index * 13)) % 120);
                }
            }
        }

        // The banner as devices burn it: large name, smaller ID and birth date, a bold clinic line, and text in the
        // right-hand strip outside the image too.
        BitmapFont.DrawGray(gray, Columns, Rows, "DOE^JANE", 12, 6, 4);
        BitmapFont.DrawGray(gray, Columns, Rows, "PID 4471-A", 300, 8, 3);
        BitmapFont.DrawGray(gray, Columns, Rows, "DOB 1993-04-15", 300, 40, 2);
        Bold(gray, "DEMO CLINIC", 600, 12, 3);
        BitmapFont.DrawGray(gray, Columns, Rows, "JANE", 962, 200, 1);
        if (samples == 1)
        {
            return gray;
        }

        var rgb = new byte[Columns * Rows * 3];
        for (var i = 0; i < gray.Length; i++)
        {
            var inBanner = i / Columns <= BannerBottom;
            rgb[(3 * i) + 0] = gray[i];
            rgb[(3 * i) + 1] = gray[i];
            rgb[(3 * i) + 2] = inBanner ? (byte)Math.Min(255, gray[i] + 20) : gray[i];
        }

        return rgb;
    }

    private static void Bold(byte[] gray, string text, int x, int y, int scale)
    {
        BitmapFont.DrawGray(gray, Columns, Rows, text, x, y, scale);
        BitmapFont.DrawGray(gray, Columns, Rows, text, x + 1, y, scale);
    }

    private static DicomDataset Header(Area area, int frames)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, frames > 1 ? "1.2.840.10008.5.1.4.1.1.3.1" : "1.2.840.10008.5.1.4.1.1.6.1");
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.9." + Interlocked.Increment(ref s_instances).ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.9000");
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.9001");
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        ds.AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, "GE Healthcare Austria GmbH & Co OG");
        ds.AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, area == Area.Unknown ? "Voluson Prototype" : "Voluson E8");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "DOE^JANE");
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "PID4471");
        ds.AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, "19930415");
        ds.AddOrUpdate(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, Rows.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, Columns.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        ds.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        if (frames > 1)
        {
            ds.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
            ds.AddOrUpdate(DicomTags.FrameTime, DicomVR.DS, "33.3");
            ds.AddOrUpdate(DicomTags.FrameIncrementPointer, DicomVR.AT, "(0018,1063)");
        }

        if (area == Area.Regions)
        {
            var region = new DicomDataset();
            region.AddOrUpdate(DicomTags.RegionSpatialFormat, DicomVR.US, "1");
            region.AddOrUpdate(DicomTags.RegionDataType, DicomVR.US, "1");
            region.AddOrUpdate(DicomTags.RegionFlags, DicomVR.UL, "0");
            region.AddOrUpdate(DicomTags.RegionLocationMinX0, DicomVR.UL, ImageArea.X0.ToString(CultureInfo.InvariantCulture));
            region.AddOrUpdate(DicomTags.RegionLocationMinY0, DicomVR.UL, ImageArea.Y0.ToString(CultureInfo.InvariantCulture));
            region.AddOrUpdate(DicomTags.RegionLocationMaxX1, DicomVR.UL, ImageArea.X1.ToString(CultureInfo.InvariantCulture));
            region.AddOrUpdate(DicomTags.RegionLocationMaxY1, DicomVR.UL, ImageArea.Y1.ToString(CultureInfo.InvariantCulture));
            ds.AddOrUpdate(new DicomSequence(DicomTags.SequenceOfUltrasoundRegions, [region]));
        }

        return ds;
    }

    private static DicomFragmentSequence Fragments(IEnumerable<byte[]> frames) =>
        new(DicomTags.PixelData, DicomVR.OB, [DicomFragment.FromBytes(Array.Empty<byte>()), .. frames.Select(f => DicomFragment.FromBytes(f.Length % 2 == 0 ? f : [.. f, 0]))]);

    private static byte[] Jpeg(byte[] pixels, int components, int h, int v, int restartInterval)
    {
        var compressor = new jpeg_compress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream();
        compressor.jpeg_stdio_dest(stream);
        compressor.Image_width = Columns;
        compressor.Image_height = Rows;
        compressor.Input_components = components;
        compressor.In_color_space = components == 1 ? J_COLOR_SPACE.JCS_GRAYSCALE : J_COLOR_SPACE.JCS_RGB;
        compressor.jpeg_set_defaults();
        compressor.jpeg_set_quality(90, true);
        if (components == 3)
        {
            compressor.Component_info[0].H_samp_factor = h;
            compressor.Component_info[0].V_samp_factor = v;
            compressor.Component_info[1].H_samp_factor = compressor.Component_info[1].V_samp_factor = 1;
            compressor.Component_info[2].H_samp_factor = compressor.Component_info[2].V_samp_factor = 1;
        }

        compressor.Restart_interval = restartInterval;
        compressor.do_fancy_downsampling = false; // LibJpeg.NET's fancy h2v1 downsampler is not implemented
        compressor.jpeg_start_compress(true);
        var stride = Columns * components;
        var row = new byte[1][];
        for (var y = 0; y < Rows; y++)
        {
            row[0] = pixels.AsSpan(y * stride, stride).ToArray();
            compressor.jpeg_write_scanlines(row, 1);
        }

        compressor.jpeg_finish_compress();
        return stream.ToArray();
    }
}
