using System.Globalization;

namespace Uplink.Dicom.Imaging;

/// <summary>
/// The Image Pixel attributes (PS3.3 C.7.6.3) that size and interpret a frame, checked so that every frame of
/// native pixel data Uplink handles fits in memory one at a time.
/// </summary>
public sealed record ImageGeometry
{
    /// <summary>The largest native frame Uplink holds in memory, in bytes (512 MiB).</summary>
    public const long MaxFrameLength = 512L * 1024 * 1024;

    private ImageGeometry(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit, bool isSigned, Photometric photometric, int planarConfiguration, int numberOfFrames, PaletteLookup? palette)
    {
        Rows = rows;
        Columns = columns;
        SamplesPerPixel = samplesPerPixel;
        BitsAllocated = bitsAllocated;
        BitsStored = bitsStored;
        HighBit = highBit;
        IsSigned = isSigned;
        Photometric = photometric;
        PlanarConfiguration = planarConfiguration;
        NumberOfFrames = numberOfFrames;
        Palette = palette;
        var samplesPerFrame = photometric == Photometric.YbrFull422 ? checked(2L * rows * columns) : checked((long)rows * columns * samplesPerPixel);
        FrameLength = checked(samplesPerFrame * BytesPerSample);
    }

    /// <summary>Rows (0028,0010).</summary>
    public int Rows { get; }

    /// <summary>Columns (0028,0011).</summary>
    public int Columns { get; }

    /// <summary>Samples per Pixel (0028,0002): 1 or 3.</summary>
    public int SamplesPerPixel { get; }

    /// <summary>Bits Allocated (0028,0100): 8 or 16.</summary>
    public int BitsAllocated { get; }

    /// <summary>Bits Stored (0028,0101).</summary>
    public int BitsStored { get; }

    /// <summary>High Bit (0028,0102): Bits Stored - 1.</summary>
    public int HighBit { get; }

    /// <summary>Pixel Representation (0028,0103) is 1: samples are two's complement.</summary>
    public bool IsSigned { get; }

    /// <summary>Pixel Representation (0028,0103): 0 unsigned, 1 signed.</summary>
    public int PixelRepresentation => IsSigned ? 1 : 0;

    /// <summary>Photometric Interpretation (0028,0004).</summary>
    public Photometric Photometric { get; }

    /// <summary>Photometric Interpretation as written, for example <c>YBR_FULL_422</c>.</summary>
    public string PhotometricInterpretation => PhotometricNames.Name(Photometric);

    /// <summary>Planar Configuration (0028,0006): 0 colour-by-pixel, 1 colour-by-plane (0 for one sample).</summary>
    public int PlanarConfiguration { get; }

    /// <summary>Number of Frames (0028,0008), 1 when absent.</summary>
    public int NumberOfFrames { get; }

    /// <summary>The palette of a PALETTE COLOR image, else null.</summary>
    public PaletteLookup? Palette { get; }

    /// <summary>Bytes per sample: 1 or 2.</summary>
    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Pixels per frame.</summary>
    public long PixelsPerFrame => (long)Rows * Columns;

    /// <summary>Bytes of one native frame (YBR_FULL_422: two samples per pixel on average).</summary>
    public long FrameLength { get; }

    /// <summary>Bytes of all native frames.</summary>
    public long TotalLength => checked(FrameLength * NumberOfFrames);

    /// <summary>True when a sample is one byte.</summary>
    public bool IsEightBit => BitsAllocated == 8;

    /// <summary>Reads and checks the Image Pixel attributes of a dataset.</summary>
    /// <param name="dataset">The image.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="PixelDataException">An attribute is missing or unsupported, or a frame is larger than <see cref="MaxFrameLength"/>; the message names it.</exception>
    public static ImageGeometry FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var rows = Required(dataset, DicomTags.Rows, "Rows");
        var columns = Required(dataset, DicomTags.Columns, "Columns");
        var bitsAllocated = Required(dataset, DicomTags.BitsAllocated, "Bits Allocated");
        var samples = dataset.GetInt32(DicomTags.SamplesPerPixel) ?? 1;
        var text = dataset.GetString(DicomTags.PhotometricInterpretation);
        if (!PhotometricNames.TryParse(text, out var photometric))
        {
            throw new PixelDataException(text is null
                ? "Photometric Interpretation (0028,0004) is missing."
                : $"Photometric Interpretation (0028,0004) '{text.Trim()}' is not a defined term.");
        }

        var bitsStored = dataset.GetInt32(DicomTags.BitsStored) ?? bitsAllocated;
        var highBit = dataset.GetInt32(DicomTags.HighBit) ?? bitsStored - 1;
        var representation = dataset.GetInt32(DicomTags.PixelRepresentation) ?? 0;
        var planar = samples > 1 ? dataset.GetInt32(DicomTags.PlanarConfiguration) ?? 0 : 0;
        var frames = NumberOfFramesOf(dataset);
        var palette = photometric == Photometric.PaletteColor ? PaletteLookup.FromDataset(dataset) : null;
        return Create(rows, columns, samples, bitsAllocated, bitsStored, highBit, representation, photometric, planar, frames, palette);
    }

    /// <summary>Builds a geometry from values (for generated images and tests), with the checks of <see cref="FromDataset"/>.</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="samplesPerPixel">1 or 3.</param>
    /// <param name="bitsAllocated">8 or 16.</param>
    /// <param name="bitsStored">1 to <paramref name="bitsAllocated"/>.</param>
    /// <param name="highBit">Must be <paramref name="bitsStored"/> - 1.</param>
    /// <param name="pixelRepresentation">0 unsigned, 1 signed.</param>
    /// <param name="photometric">The interpretation.</param>
    /// <param name="planarConfiguration">0 or 1.</param>
    /// <param name="numberOfFrames">At least 1.</param>
    /// <param name="palette">The palette; required for PALETTE COLOR.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="PixelDataException">A value is unsupported or inconsistent; the message names the attribute.</exception>
    public static ImageGeometry Create(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation, Photometric photometric, int planarConfiguration, int numberOfFrames, PaletteLookup? palette = null)
    {
        Check(rows is > 0 and <= ushort.MaxValue, $"Rows (0028,0010) is {rows}; 1 to 65535 is needed.");
        Check(columns is > 0 and <= ushort.MaxValue, $"Columns (0028,0011) is {columns}; 1 to 65535 is needed.");
        Check(bitsAllocated is 8 or 16, $"Bits Allocated (0028,0100) is {bitsAllocated}; Uplink handles 8 and 16.");
        Check(bitsStored >= 1 && bitsStored <= bitsAllocated, $"Bits Stored (0028,0101) is {bitsStored} with Bits Allocated {bitsAllocated}.");
        Check(highBit == bitsStored - 1, $"High Bit (0028,0102) is {highBit}; Uplink handles only Bits Stored - 1 ({bitsStored - 1}).");
        Check(pixelRepresentation is 0 or 1, $"Pixel Representation (0028,0103) is {pixelRepresentation}; 0 or 1 is defined.");
        Check(planarConfiguration is 0 or 1, $"Planar Configuration (0028,0006) is {planarConfiguration}; 0 or 1 is defined.");
        Check(numberOfFrames >= 1, $"Number of Frames (0028,0008) is {numberOfFrames}; at least 1 is needed.");
        var expectedSamples = photometric is Photometric.Monochrome1 or Photometric.Monochrome2 or Photometric.PaletteColor ? 1 : 3;
        Check(samplesPerPixel == expectedSamples || !PhotometricNames.IsSupported(photometric), $"Samples per Pixel (0028,0002) is {samplesPerPixel}; {PhotometricNames.Name(photometric)} has {expectedSamples}.");
        Check(samplesPerPixel is 1 or 3, $"Samples per Pixel (0028,0002) is {samplesPerPixel}; Uplink handles 1 and 3.");
        if (photometric == Photometric.YbrFull422)
        {
            // Odd columns are refused where pixels are paired in bytes (native data: NativeFrameReader); a JPEG
            // frame subsamples chroma itself and has any width.
            Check(planarConfiguration == 0, "Planar Configuration (0028,0006) is 1; YBR_FULL_422 is colour-by-pixel only.");
        }

        Check(photometric != Photometric.PaletteColor || palette is not null, "PALETTE COLOR needs its Palette Color Lookup Tables.");

        // Sized in long before anything is allocated, so a hostile 65535 x 65535 x 3 is refused at once.
        var samplesPerFrame = photometric == Photometric.YbrFull422 ? 2L * rows * ((columns + 1) / 2 * 2) : (long)rows * columns * samplesPerPixel;
        var frameLength = samplesPerFrame * (bitsAllocated / 8);
        Check(frameLength <= MaxFrameLength, $"A frame of Rows {rows} x Columns {columns} x Samples per Pixel {samplesPerPixel} x {bitsAllocated / 8} byte(s) is {frameLength} bytes, more than the {MaxFrameLength} bytes Uplink handles.");
        return new ImageGeometry(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, pixelRepresentation == 1, photometric, planarConfiguration, numberOfFrames, palette);
    }

    /// <summary>The same geometry with another number of frames.</summary>
    /// <param name="numberOfFrames">At least 1.</param>
    /// <returns>The geometry.</returns>
    public ImageGeometry WithFrames(int numberOfFrames)
        => Create(Rows, Columns, SamplesPerPixel, BitsAllocated, BitsStored, HighBit, PixelRepresentation, Photometric, PlanarConfiguration, numberOfFrames, Palette);

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Columns}x{Rows} {PhotometricInterpretation} {SamplesPerPixel}x{BitsAllocated}-bit ({BitsStored} stored{(IsSigned ? ", signed" : string.Empty)}) planar {PlanarConfiguration}, {NumberOfFrames} frame(s)");

    private static int Required(DicomDataset dataset, DicomTag tag, string name)
    {
        if (!dataset.Contains(tag))
        {
            throw new PixelDataException($"{name} {tag} is missing.");
        }

        return dataset.GetInt32(tag) is int value and > 0
            ? value
            : throw new PixelDataException($"{name} {tag} is empty, zero or not a number.");
    }

    private static int NumberOfFramesOf(DicomDataset dataset)
    {
        var text = dataset.GetString(DicomTags.NumberOfFrames)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var frames) && frames >= 1
            ? frames
            : throw new PixelDataException("Number of Frames (0028,0008) is not a positive integer.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new PixelDataException(message);
        }
    }
}
