using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Dicom.Imaging.Tests;

/// <summary>Generated images: geometries, random frames and datasets that describe them.</summary>
internal static class TestImages
{
    public static ImageGeometry Geometry(Photometric photometric, int bits = 8, int planar = 0, int columns = 16, int rows = 8, int frames = 1, int? bitsStored = null, bool signed = false, PaletteLookup? palette = null)
    {
        var samples = photometric is Photometric.Monochrome1 or Photometric.Monochrome2 or Photometric.PaletteColor ? 1 : 3;
        var stored = bitsStored ?? bits;
        if (photometric == Photometric.PaletteColor)
        {
            palette ??= Palette(bits == 8 ? 256 : 4096, 16);
        }

        return ImageGeometry.Create(rows, columns, samples, bits, stored, stored - 1, signed ? 1 : 0, photometric, samples == 1 ? 0 : planar, frames, palette);
    }

    /// <summary>A palette whose darkest entry is <paramref name="entries"/>/3 (neither first nor last).</summary>
    public static PaletteLookup Palette(int entries, int bitsPerEntry, int firstMapped = 0)
    {
        var max = bitsPerEntry == 8 ? 255 : 65535;
        var red = new ushort[entries];
        var green = new ushort[entries];
        var blue = new ushort[entries];
        for (var i = 0; i < entries; i++)
        {
            red[i] = (ushort)(max - (i % 7));
            green[i] = (ushort)(max / 2);
            blue[i] = (ushort)(i * max / entries);
        }

        var dark = entries / 3;
        (red[dark], green[dark], blue[dark]) = (0, 0, 1);
        return PaletteLookup.Create(firstMapped, bitsPerEntry, red, green, blue);
    }

    /// <summary>Random samples, masked to Bits Stored (sign-extended when signed).</summary>
    public static byte[] RandomFrame(ImageGeometry geometry, int seed)
    {
        var random = new Random(seed);
        var frame = new byte[geometry.FrameLength];
        if (geometry.IsEightBit)
        {
            random.NextBytes(frame);
            if (geometry.BitsStored < 8)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] &= (byte)((1 << geometry.BitsStored) - 1);
                }
            }

            return frame;
        }

        for (var i = 0; i < frame.Length; i += 2)
        {
            var value = random.Next(1 << geometry.BitsStored);
            if (geometry.IsSigned && value >= 1 << (geometry.BitsStored - 1))
            {
                value -= 1 << geometry.BitsStored;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(i), (ushort)(value & 0xFFFF));
        }

        return frame;
    }

    /// <summary>A dataset with the Image Pixel attributes of a geometry (no Pixel Data).</summary>
    public static DicomDataset Dataset(ImageGeometry geometry)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1143.1");
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, geometry.SamplesPerPixel.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, geometry.PhotometricInterpretation);
        if (geometry.SamplesPerPixel > 1)
        {
            dataset.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, geometry.PlanarConfiguration.ToString(CultureInfo.InvariantCulture));
        }

        if (geometry.NumberOfFrames > 1)
        {
            dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, geometry.NumberOfFrames.ToString(CultureInfo.InvariantCulture));
        }

        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, geometry.Rows.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, geometry.Columns.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, geometry.BitsAllocated.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, geometry.BitsStored.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, geometry.HighBit.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, geometry.PixelRepresentation.ToString(CultureInfo.InvariantCulture));
        if (geometry.Palette is { } palette)
        {
            var descriptor = string.Create(CultureInfo.InvariantCulture, $"{(palette.Entries == 65536 ? 0 : palette.Entries)}\\{palette.FirstMapped}\\{palette.BitsPerEntry}");
            (DicomTag Descriptor, DicomTag Data, ushort[] Table)[] tables =
            [
                (DicomTags.RedPaletteColorLookupTableDescriptor, DicomTags.RedPaletteColorLookupTableData, palette.Red.ToArray()),
                (DicomTags.GreenPaletteColorLookupTableDescriptor, DicomTags.GreenPaletteColorLookupTableData, palette.Green.ToArray()),
                (DicomTags.BluePaletteColorLookupTableDescriptor, DicomTags.BluePaletteColorLookupTableData, palette.Blue.ToArray()),
            ];
            foreach (var (descriptorTag, dataTag, table) in tables)
            {
                dataset.AddOrUpdate(descriptorTag, DicomVR.US, descriptor);
                var bytes = new byte[table.Length * 2];
                for (var i = 0; i < table.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), table[i]);
                }

                dataset.AddOrUpdate(DicomElement.FromBytes(dataTag, DicomVR.OW, bytes));
            }
        }

        return dataset;
    }

    /// <summary>A sample of a native frame: sample <paramref name="s"/> of pixel (x, y), as stored.</summary>
    public static int SampleAt(ReadOnlySpan<byte> frame, ImageGeometry geometry, int x, int y, int s)
    {
        long pixel = ((long)y * geometry.Columns) + x;
        var index = geometry.Photometric == Photometric.YbrFull422
            ? ((pixel / 2) * 4) + (s == 0 ? pixel % 2 : s + 1)
            : geometry.PlanarConfiguration == 1 ? (s * geometry.PixelsPerFrame) + pixel : (pixel * geometry.SamplesPerPixel) + s;
        return geometry.IsEightBit ? frame[(int)index] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(int)(2 * index)..]);
    }

    /// <summary>Saves a dataset and opens it again with every large value left on disk.</summary>
    public static DicomFile SaveAndOpen(DicomDataset dataset, DicomTransferSyntax syntax, string folder)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".dcm");
        using (var file = new DicomFile(dataset, syntax))
        {
            file.Save(path);
        }

        return DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 256 });
    }

    /// <summary>RLE Pixel Data for native frames: an empty Basic Offset Table, then one fragment per frame.</summary>
    public static DicomFragmentSequence RleSequence(ImageGeometry geometry, IEnumerable<byte[]> frames)
    {
        var fragments = new List<DicomFragment> { DicomFragment.FromBytes(Array.Empty<byte>()) };
        foreach (var frame in frames)
        {
            var encoded = new ArrayBufferWriter<byte>();
            RleCodec.Encode(frame, geometry, encoded);
            fragments.Add(DicomFragment.FromBytes(encoded.WrittenSpan.ToArray()));
        }

        return new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, fragments);
    }
}
