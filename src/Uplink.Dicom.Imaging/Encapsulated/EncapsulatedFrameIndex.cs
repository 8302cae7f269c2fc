using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging.Encapsulated;

/// <summary>
/// Which fragments of encapsulated Pixel Data make up each frame (PS3.5 A.4): from the Basic Offset Table when
/// it is filled in, else one fragment per frame when the counts match, else (JPEG family only) by cutting after
/// each fragment that ends with an End of Image marker (FFD9). Frames are then read one at a time.
/// </summary>
public sealed class EncapsulatedFrameIndex
{
    /// <summary>The largest encapsulated frame Uplink reads into memory, in bytes.</summary>
    public const long MaxFrameBytes = ImageGeometry.MaxFrameLength;

    private readonly IReadOnlyList<DicomFragment>[] _frames;

    private EncapsulatedFrameIndex(IReadOnlyList<DicomFragment>[] frames, bool fromOffsetTable)
    {
        _frames = frames;
        FromOffsetTable = fromOffsetTable;
    }

    /// <summary>How many frames there are.</summary>
    public int FrameCount => _frames.Length;

    /// <summary>True when the Basic Offset Table gave the frame boundaries.</summary>
    public bool FromOffsetTable { get; }

    /// <summary>The fragments of one frame, in order.</summary>
    /// <param name="index">The 0-based frame index.</param>
    /// <returns>The fragments.</returns>
    public IReadOnlyList<DicomFragment> FragmentsOf(int index) => _frames[index];

    /// <summary>Maps the fragments to frames.</summary>
    /// <param name="pixelData">The encapsulated Pixel Data (fragment 0 is the Basic Offset Table).</param>
    /// <param name="numberOfFrames">Number of Frames of the image.</param>
    /// <param name="scanForEndOfImage">True for JPEG family syntaxes, where a frame may be cut at FFD9 markers.</param>
    /// <returns>The index.</returns>
    /// <exception cref="PixelDataException">The fragments cannot be matched to the frames; the message says why.</exception>
    public static EncapsulatedFrameIndex Build(DicomFragmentSequence pixelData, int numberOfFrames, bool scanForEndOfImage)
    {
        ArgumentNullException.ThrowIfNull(pixelData);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numberOfFrames);
        if (pixelData.Fragments.Count == 0)
        {
            throw new PixelDataException("Encapsulated Pixel Data (7FE0,0010) has no Basic Offset Table item.");
        }

        var fragments = pixelData.Fragments.Skip(1).ToArray();
        if (fragments.Length == 0)
        {
            throw new PixelDataException("Encapsulated Pixel Data (7FE0,0010) has no fragments after the Basic Offset Table.");
        }

        var offsets = ReadOffsets(pixelData.Fragments[0]);
        IReadOnlyList<DicomFragment>[] frames;
        if (offsets.Length > 0)
        {
            frames = ByOffsets(fragments, offsets, numberOfFrames);
        }
        else if (numberOfFrames == 1)
        {
            frames = [fragments];
        }
        else if (fragments.Length == numberOfFrames)
        {
            frames = [.. fragments.Select(f => (IReadOnlyList<DicomFragment>)[f])];
        }
        else if (scanForEndOfImage && fragments.Length > numberOfFrames)
        {
            frames = ByEndOfImage(fragments, numberOfFrames);
        }
        else
        {
            throw new PixelDataException($"Encapsulated Pixel Data (7FE0,0010) has {fragments.Length} fragments for {numberOfFrames} frames and an empty Basic Offset Table: the frames cannot be told apart.");
        }

        for (var i = 0; i < frames.Length; i++)
        {
            var bytes = frames[i].Sum(f => f.Length);
            if (bytes > MaxFrameBytes)
            {
                throw new PixelDataException($"Encapsulated frame {i} has {bytes} bytes, more than the {MaxFrameBytes} bytes Uplink reads.");
            }
        }

        return new EncapsulatedFrameIndex(frames, offsets.Length > 0);
    }

    /// <summary>Reads one frame's bytes (its fragments joined).</summary>
    /// <param name="index">The 0-based frame index.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="PixelDataException">A fragment ended early.</exception>
    public byte[] ReadFrame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FrameCount);
        var fragments = _frames[index];
        var bytes = new byte[fragments.Sum(f => f.Length)];
        var position = 0;
        foreach (var fragment in fragments)
        {
            using var stream = fragment.OpenRead();
            try
            {
                stream.ReadExactly(bytes, position, (int)fragment.Length);
            }
            catch (EndOfStreamException ex)
            {
                throw new PixelDataException($"A fragment of encapsulated frame {index} ended before its {fragment.Length} bytes.", ex);
            }

            position += (int)fragment.Length;
        }

        return bytes;
    }

    private static uint[] ReadOffsets(DicomFragment table)
    {
        if (table.Length == 0)
        {
            return [];
        }

        if (table.Length % 4 != 0 || table.Length > 4L * int.MaxValue / 8)
        {
            throw new PixelDataException($"The Basic Offset Table has {table.Length} bytes, not a whole number of 4-byte offsets.");
        }

        var bytes = new byte[table.Length];
        using (var stream = table.OpenRead())
        {
            stream.ReadExactly(bytes);
        }

        var offsets = new uint[bytes.Length / 4];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i));
        }

        return offsets;
    }

    private static IReadOnlyList<DicomFragment>[] ByOffsets(DicomFragment[] fragments, uint[] offsets, int numberOfFrames)
    {
        if (offsets.Length != numberOfFrames)
        {
            throw new PixelDataException($"The Basic Offset Table has {offsets.Length} offsets for {numberOfFrames} frames.");
        }

        if (offsets[0] != 0)
        {
            throw new PixelDataException($"The Basic Offset Table's first offset is {offsets[0]}; it must be 0.");
        }

        // Offsets count from the first fragment's item tag: each fragment is an 8-byte item header plus its bytes.
        var starts = new Dictionary<long, int>();
        long position = 0;
        for (var f = 0; f < fragments.Length; f++)
        {
            starts[position] = f;
            position += 8 + fragments[f].Length;
        }

        var frames = new IReadOnlyList<DicomFragment>[numberOfFrames];
        for (var i = 0; i < numberOfFrames; i++)
        {
            if (i > 0 && offsets[i] <= offsets[i - 1])
            {
                throw new PixelDataException($"The Basic Offset Table's offset {offsets[i]} for frame {i} does not increase (frame {i - 1} is at {offsets[i - 1]}).");
            }

            if (!starts.TryGetValue(offsets[i], out var first))
            {
                throw new PixelDataException($"The Basic Offset Table's offset {offsets[i]} for frame {i} is not the start of a fragment (the fragments span {position} bytes).");
            }

            var last = i + 1 < numberOfFrames && starts.TryGetValue(offsets[i + 1], out var next) ? next : fragments.Length;
            frames[i] = fragments[first..last];
        }

        return frames;
    }

    private static IReadOnlyList<DicomFragment>[] ByEndOfImage(DicomFragment[] fragments, int numberOfFrames)
    {
        var frames = new List<IReadOnlyList<DicomFragment>>();
        var current = new List<DicomFragment>();
        foreach (var fragment in fragments)
        {
            current.Add(fragment);
            if (EndsWithEndOfImage(fragment))
            {
                frames.Add(current);
                current = [];
            }
        }

        if (current.Count > 0 || frames.Count != numberOfFrames)
        {
            throw new PixelDataException($"Encapsulated Pixel Data (7FE0,0010) has {fragments.Length} fragments whose End of Image markers (FFD9) give {frames.Count} frames{(current.Count > 0 ? " and a remainder" : string.Empty)}, not {numberOfFrames}.");
        }

        return [.. frames];
    }

    // A fragment ends a JPEG frame when its last bytes, after even-length 00 padding, are FFD9.
    private static bool EndsWithEndOfImage(DicomFragment fragment)
    {
        if (fragment.Length < 2)
        {
            return false;
        }

        var tail = new byte[(int)Math.Min(fragment.Length, 4)];
        using (var stream = fragment.OpenRead())
        {
            stream.Seek(fragment.Length - tail.Length, SeekOrigin.Begin);
            stream.ReadExactly(tail);
        }

        var end = tail.Length;
        while (end > 2 && tail[end - 1] == 0)
        {
            end--;
        }

        return tail[end - 2] == 0xFF && tail[end - 1] == 0xD9;
    }
}
