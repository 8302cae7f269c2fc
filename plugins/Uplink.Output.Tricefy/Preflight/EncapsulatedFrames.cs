using System.Buffers.Binary;
using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// Which fragments of encapsulated Pixel Data make up each frame: from the Basic Offset Table when it
/// is filled in, one fragment per frame when the counts match, or all fragments for a single frame.
/// </summary>
internal static class EncapsulatedFrames
{
    /// <summary>Groups the fragments (after the offset table) by frame, or says why that cannot be told.</summary>
    public static IReadOnlyList<IReadOnlyList<DicomFragment>>? Group(DicomFragmentSequence pixelData, int frames, out string? problem)
    {
        problem = null;
        var fragments = pixelData.Fragments.Skip(1).ToList();
        if (frames == 1)
        {
            return [fragments];
        }

        var offsets = ReadOffsets(pixelData.Fragments.Count > 0 ? pixelData.Fragments[0] : null);
        if (offsets.Count == frames)
        {
            return ByOffsets(fragments, offsets, out problem);
        }

        if (fragments.Count == frames)
        {
            return [.. fragments.Select(f => (IReadOnlyList<DicomFragment>)[f])];
        }

        problem = $"its {fragments.Count} fragments cannot be matched to its {frames} frames (no usable Basic Offset Table)";
        return null;
    }

    private static List<uint> ReadOffsets(DicomFragment? table)
    {
        if (table is null || table.Length == 0 || table.Length % 4 != 0)
        {
            return [];
        }

        using var stream = table.OpenRead();
        var bytes = new byte[table.Length];
        stream.ReadExactly(bytes);
        return [.. Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4)))];
    }

    private static List<IReadOnlyList<DicomFragment>>? ByOffsets(List<DicomFragment> fragments, List<uint> offsets, out string? problem)
    {
        problem = null;
        var groups = offsets.Select(_ => new List<DicomFragment>()).ToList();
        long position = 0;
        var frame = -1;
        foreach (var fragment in fragments)
        {
            while (frame + 1 < offsets.Count && offsets[frame + 1] == position)
            {
                frame++;
            }

            if (frame < 0 || (frame + 1 < offsets.Count && offsets[frame + 1] < position))
            {
                problem = $"its Basic Offset Table does not point at fragment boundaries (byte {position})";
                return null;
            }

            groups[frame].Add(fragment);
            position += 8 + fragment.Length;
        }

        if (groups.Any(g => g.Count == 0))
        {
            problem = "its Basic Offset Table names a frame with no fragment";
            return null;
        }

        return [.. groups];
    }
}
