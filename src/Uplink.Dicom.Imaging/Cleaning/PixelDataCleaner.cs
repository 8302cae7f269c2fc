using System.Buffers;
using System.Buffers.Binary;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Native;

namespace Uplink.Dicom.Imaging.Cleaning;

/// <summary>
/// Cleans the whole Pixel Data of an image frame by frame into a temporary file, holding one frame in memory at a
/// time: native data (Explicit or Implicit VR Little Endian, and Big Endian, which the reader already swapped) is
/// blanked directly; encapsulated data goes to the <see cref="IEncapsulatedFrameCleaner"/> that handles its
/// transfer syntax. Any other transfer syntax is refused by name.
/// </summary>
public sealed class PixelDataCleaner
{
    private readonly IEncapsulatedFrameCleaner[] _cleaners;

    /// <summary>A cleaner for native data and the given encapsulated syntaxes.</summary>
    /// <param name="cleaners">Per-frame cleaners, asked in order.</param>
    public PixelDataCleaner(IEnumerable<IEncapsulatedFrameCleaner> cleaners)
    {
        ArgumentNullException.ThrowIfNull(cleaners);
        _cleaners = [.. cleaners];
    }

    /// <summary>A cleaner for native data and RLE Lossless.</summary>
    public PixelDataCleaner()
        : this([new RleFrameCleaner()])
    {
    }

    /// <summary>True when Pixel Data in this transfer syntax can be cleaned.</summary>
    /// <param name="transferSyntax">The transfer syntax.</param>
    /// <returns>Whether it can.</returns>
    public bool CanClean(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return !transferSyntax.IsEncapsulated || _cleaners.Any(c => c.Handles(transferSyntax.Uid));
    }

    /// <summary>Cleans every frame of the source's Pixel Data.</summary>
    /// <param name="source">The image; its dataset is not changed.</param>
    /// <param name="geometry">Its geometry (<see cref="ImageGeometry.FromDataset"/>).</param>
    /// <param name="area">The area to keep, of the frame's size.</param>
    /// <param name="temporaryFolder">Where the cleaned bytes are written.</param>
    /// <returns>The new Pixel Data, the area kept and the temporary file (the caller deletes it).</returns>
    /// <exception cref="PixelDataException">The transfer syntax cannot be cleaned, or the pixel data is malformed; the message says where.</exception>
    public CleanedPixelData Clean(DicomFile source, ImageGeometry geometry, KeptArea area, string temporaryFolder)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentException.ThrowIfNullOrEmpty(temporaryFolder);
        if (area.Columns != geometry.Columns || area.Rows != geometry.Rows)
        {
            throw new PixelDataException($"The kept area is for {area.Columns}x{area.Rows} pixels; the image has {geometry.Columns}x{geometry.Rows}.");
        }

        var syntax = source.TransferSyntax;
        IEncapsulatedFrameCleaner? cleaner = null;
        if (syntax.IsEncapsulated && (cleaner = _cleaners.FirstOrDefault(c => c.Handles(syntax.Uid))) is null)
        {
            throw new PixelDataException($"{syntax} cannot be cleaned: no pixel cleaner edits this transfer syntax faithfully.");
        }

        var pixelData = source.Dataset.Get(DicomTags.PixelData) ?? throw new PixelDataException("Pixel Data (7FE0,0010) is missing.");
        Directory.CreateDirectory(temporaryFolder);
        var path = Path.Combine(temporaryFolder, $"uplink-pixels-{Guid.NewGuid():N}.tmp");
        try
        {
            return (cleaner, pixelData) switch
            {
                (null, DicomElement native) => CleanNative(native, geometry, area, path),
                (not null, DicomFragmentSequence fragments) => CleanEncapsulated(cleaner, fragments, syntax, geometry, area, path),
                (null, _) => throw new PixelDataException($"Pixel Data (7FE0,0010) is encapsulated, but the transfer syntax {syntax} is native."),
                _ => throw new PixelDataException($"Pixel Data (7FE0,0010) is native, but the transfer syntax {syntax} is encapsulated."),
            };
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static CleanedPixelData CleanNative(DicomElement pixelData, ImageGeometry geometry, KeptArea area, string path)
    {
        using var reader = new NativeFrameReader(pixelData, geometry);
        var buffer = new byte[geometry.FrameLength];
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            for (var index = 0; index < geometry.NumberOfFrames; index++)
            {
                reader.ReadFrame(index, buffer);
                NativeFrameBlanker.Blank(buffer, geometry, area);
                output.Write(buffer);
            }
        }

        // Trailing bytes past the last frame belong to no frame and are dropped: nothing uncleaned leaves.
        var vr = pixelData.VR == DicomVR.OB || pixelData.VR == DicomVR.OW ? pixelData.VR : (geometry.IsEightBit ? DicomVR.OB : DicomVR.OW);
        var element = DicomElement.FromBulk(DicomTags.PixelData, vr, new BulkDataReference(path, 0, geometry.TotalLength));
        return new CleanedPixelData(element, area, path, geometry.NumberOfFrames);
    }

    private static CleanedPixelData CleanEncapsulated(IEncapsulatedFrameCleaner cleaner, DicomFragmentSequence pixelData, DicomTransferSyntax syntax, ImageGeometry geometry, KeptArea area, string path)
    {
        var index = EncapsulatedFrameIndex.Build(pixelData, geometry.NumberOfFrames, IsJpegFamily(syntax.Uid));
        var lengths = new long[index.FrameCount];
        var written = new ArrayBufferWriter<byte>();
        KeptArea? kept = null;
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            for (var frame = 0; frame < index.FrameCount; frame++)
            {
                var bytes = index.ReadFrame(frame);
                written.ResetWrittenCount();
                KeptArea frameArea;
                try
                {
                    frameArea = cleaner.CleanFrame(bytes, geometry, area, written);
                }
                catch (PixelDataException ex)
                {
                    throw new PixelDataException($"Frame {frame}: {ex.Message}", ex);
                }

                kept ??= frameArea;
                if (!kept.Rectangles.SequenceEqual(frameArea.Rectangles))
                {
                    throw new PixelDataException($"Frame {frame}: the cleaner kept {frameArea}, frame 0 kept {kept}.");
                }

                output.Write(written.WrittenSpan);
                lengths[frame] = written.WrittenCount;
                if (written.WrittenCount % 2 == 1)
                {
                    output.WriteByte(0);
                    lengths[frame]++;
                }
            }
        }

        var fragments = new List<DicomFragment> { DicomFragment.FromBytes(OffsetTable(lengths)) };
        long position = 0;
        foreach (var length in lengths)
        {
            fragments.Add(DicomFragment.FromBulk(new BulkDataReference(path, position, length)));
            position += length;
        }

        return new CleanedPixelData(new DicomFragmentSequence(DicomTags.PixelData, pixelData.VR, fragments), kept!, path, index.FrameCount);
    }

    // The Basic Offset Table is rebuilt when every offset fits its 32 bits; else it stays empty, as PS3.5 A.4 allows.
    private static byte[] OffsetTable(long[] lengths)
    {
        var table = new byte[4 * lengths.Length];
        long offset = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (offset > uint.MaxValue)
            {
                return [];
            }

            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4 * i), (uint)offset);
            offset += 8 + lengths[i];
        }

        return table;
    }

    private static bool IsJpegFamily(string uid) => uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal);
}
